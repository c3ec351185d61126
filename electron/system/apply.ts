import type { ApiError, ApplyRequest, RuntimeReading, SettingId } from '../contract';
import type { Elevator } from './elevate';
import { describeRecovery, mapStepExit } from './elevation-errors';
import { buildManualAlternatives, wantedRuntimeValues } from './equivalent-commands';
import { validateFileName } from './file-name';
import { describeHiddenFile, findHiddenFile, findSameNameLater } from './hidden-file';
import {
  buildStepArguments,
  StepPlanError,
  type RemovedLines,
  type StepPlan,
} from './privileged-step';
import { readRuntimeValues } from './runtime';
import { SETTINGS } from './settings';
import { refusedContent } from './step-content-words';
import { parseRecoveryLine } from './step-recovery';
import { findKeyLines, removeKeysFromText, setKeysInText, type KeyValue } from './sysctl-edit';
import { readEditableFile, readTargetFile, SYSCTL_D, type TargetFile } from './sysctl-d-files';
import { readSameNamedEntries, SYSCTL_CONF } from './sysctl-sources';
import type { SystemContext } from './system-context';

export type ApplyResult =
  | { readonly applied: true; readonly summary: string; readonly plan: StepPlan }
  | { readonly applied: false; readonly error: ApiError; readonly plan: StepPlan | null };

function isAvailable(reading: RuntimeReading): boolean {
  return reading.kind === 'value' || reading.kind === 'unexpected';
}

/** "the net.ipv4.ip_nonlocal_bind line", "the 2 net.ipv4.ip_nonlocal_bind lines", "the … and … lines". */
function linesWord(removed: RemovedLines): string {
  const total = removed.reduce((n, r) => n + r.lines, 0);
  const keys = removed.map((r) => r.key).join(' and ');
  if (total === 1) return `the ${keys} line was`;
  return removed.length === 1 ? `the ${total} ${keys} lines were` : `the ${keys} lines were`;
}

/** What happened to the file, in words; null when the step left it alone. */
function describeFileChange(file: StepPlan['file']): string | null {
  if (file.op === 'none') return null;
  const path = file.op === 'write-conf' ? SYSCTL_CONF : `${SYSCTL_D}/${file.name}`;
  if (file.removed && file.removed.length > 0) {
    const lines = `${linesWord(file.removed)} removed from ${path}`;
    return file.op === 'delete' ? `${lines}, which set nothing else and was deleted` : lines;
  }
  return file.op === 'delete' ? `${path} was removed` : `${path} was written`;
}

/**
 * Words for what really changed: runtime values that differ from before, and the file.
 * After a removal that left the running value alone, it says what that value still is.
 */
function describeChanges(
  plan: StepPlan,
  before: readonly { id: SettingId; runtime: RuntimeReading }[],
): string {
  const removedKeys = new Set(
    plan.file.op === 'none' ? [] : (plan.file.removed ?? []).map((r) => r.key),
  );
  const parts = SETTINGS.flatMap((s) => {
    const v = s.id === 'ipv4' ? plan.ipv4 : plan.ipv6;
    const was = before.find((b) => b.id === s.id)?.runtime;
    if (v === '-') {
      return removedKeys.has(s.key) && was?.kind === 'value'
        ? [`${s.label} is still ${was.value === 1 ? 'on' : 'off'}`]
        : [];
    }
    if (was?.kind === 'value' && String(was.value) === v) return [];
    return [`${s.label} is now ${v === '1' ? 'on' : 'off'}`];
  });
  const file = describeFileChange(plan.file);
  const all = [...parts, ...(file ? [file] : [])];
  if (all.length === 0) return 'Nothing needed changing: the system already had these values.';
  const text = `${all.join('; ')}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The keys to write for a persistent change, from the runtime tokens of the plan. */
function persistedValues(tokens: Record<SettingId, '0' | '1' | '-'>): Map<string, KeyValue> {
  const values = new Map<string, KeyValue>();
  for (const setting of SETTINGS) {
    const token = tokens[setting.id];
    if (token !== '-') values.set(setting.key, token);
  }
  return values;
}

/** Refuses when the file is not what the UI read: never overwrite someone else's edit. */
function changedSinceRead(
  path: string,
  currentSha: string | null,
  expectedSha: string | null,
): ApiError | null {
  return currentSha === expectedSha
    ? null
    : {
        code: 'file-changed',
        message: `Someone else edited ${path} after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.`,
      };
}

const NOTHING_TO_APPLY: ApiError = {
  code: 'nothing-to-apply',
  message: 'There is no change to apply.',
};

/**
 * Turns a validated request into exactly one privileged step.
 * Returns an error (and runs nothing) when the request cannot be carried out as asked.
 */
export async function planApply(
  ctx: SystemContext,
  request: ApplyRequest,
): Promise<StepPlan | ApiError> {
  const runtime = await readRuntimeValues(ctx);
  const reading = (id: SettingId) => runtime.find((s) => s.id === id)?.runtime;
  const tokens: Record<SettingId, '0' | '1' | '-'> = { ipv4: '-', ipv6: '-' };
  const persistence = request.persistence;
  const isRemoval =
    persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf';

  // Removal works on the chosen settings only; absent means both.
  const inScope = (id: SettingId) =>
    !isRemoval || (persistence.settings ?? ['ipv4', 'ipv6']).includes(id);
  for (const setting of SETTINGS) {
    const value = isRemoval
      ? persistence.resetRuntime && inScope(setting.id)
        ? 0
        : undefined
      : request.values[setting.id];
    if (value === undefined) continue;
    const current = reading(setting.id);
    if (!current || !isAvailable(current)) {
      if (isRemoval) continue;
      return {
        code: 'setting-unavailable',
        message: `${setting.label} cannot be changed here: ${current?.kind === 'unavailable' ? current.detail : 'it is not available'}`,
      };
    }
    tokens[setting.id] = value === 1 ? '1' : '0';
  }

  if (persistence.kind === 'runtime') {
    if (tokens.ipv4 === '-' && tokens.ipv6 === '-') return NOTHING_TO_APPLY;
    return { ipv4: tokens.ipv4, ipv6: tokens.ipv6, file: { op: 'none' } };
  }

  if (persistence.kind === 'persist-sysctl-conf')
    return planSysctlConf(ctx, tokens, persistence.expectedSha256);
  if (persistence.kind === 'unpersist-sysctl-conf') {
    const keys = SETTINGS.filter((s) => inScope(s.id)).map((s) => s.key);
    return planSysctlConfRemoval(ctx, tokens, keys, persistence.expectedSha256);
  }

  const name = validateFileName(persistence.fileName);
  if (!name.ok) return { code: 'invalid-file-name', message: name.message };
  const target = await readTargetFile(ctx, name.name);
  if (target.kind === 'refused') return target.error;
  const currentSha = target.kind === 'file' ? target.sha256 : null;
  const changed = changedSinceRead(
    `${SYSCTL_D}/${name.name}`,
    currentSha,
    persistence.expectedSha256,
  );
  if (changed) return changed;

  if (persistence.kind === 'persist') {
    const values = persistedValues(tokens);
    if (values.size === 0) return NOTHING_TO_APPLY;
    if (target.kind === 'absent') {
      // A new name in /etc/sysctl.d replaces a same-named file of a later directory at boot.
      const hidden = findHiddenFile(await readSameNamedEntries(ctx, name.name), name.name);
      if (hidden) return describeHiddenFile(name.name, hidden);
    }
    const content = setKeysInText(target.kind === 'file' ? target.text : null, values);
    const refused = refusedContent(
      `${SYSCTL_D}/${name.name}`,
      target.kind === 'file' ? target.text : null,
      content,
    );
    if (refused) return refused;
    const file =
      target.kind === 'file' && content === target.text
        ? ({ op: 'none' } as const)
        : ({ op: 'write', name: name.name, expectedSha256: currentSha, content } as const);
    return { ipv4: tokens.ipv4, ipv6: tokens.ipv6, file };
  }

  if (target.kind === 'absent') {
    if (tokens.ipv4 === '-' && tokens.ipv6 === '-') {
      return {
        code: 'nothing-to-remove',
        message: `${SYSCTL_D}/${name.name} does not exist, so there is nothing to stop persisting.`,
      };
    }
    return { ipv4: tokens.ipv4, ipv6: tokens.ipv6, file: { op: 'none' } };
  }
  const keys = SETTINGS.filter((s) => inScope(s.id)).map((s) => s.key);
  const removal = removeKeysFromText(target.text, keys);
  const removed = countRemovedLines(target.text, keys);
  let file: StepPlan['file'] = { op: 'none' };
  // Both come from the same lines (findOurLines): when none is ours, the text is unchanged.
  if (removed.length > 0) {
    // A file emptied of our lines goes, unless it stands in for a same-named file of a later
    // directory: deleting it would bring that file's settings back at boot, so it is kept.
    const deletes =
      removal.deleteFile &&
      findSameNameLater(await readSameNamedEntries(ctx, name.name), name.name) === null;
    const refused = refusedContent(
      `${SYSCTL_D}/${name.name}`,
      target.text,
      deletes ? null : removal.text,
    );
    if (refused) return refused;
    file = deletes
      ? { op: 'delete', name: name.name, expectedSha256: currentSha, removed }
      : {
          op: 'write',
          name: name.name,
          expectedSha256: currentSha,
          content: removal.text,
          removed,
        };
  }
  if (file.op === 'none' && tokens.ipv4 === '-' && tokens.ipv6 === '-') {
    return {
      code: 'nothing-to-remove',
      message: `${SYSCTL_D}/${name.name} does not set ${SETTINGS.filter((s) => inScope(s.id))
        .map((s) => s.key)
        .join(' or ')}.`,
    };
  }
  return { ipv4: tokens.ipv4, ipv6: tokens.ipv6, file };
}

/** For the outcome's words: how many lines of each key a removal takes out of `text`. */
function countRemovedLines(text: string, keys: readonly string[]): RemovedLines {
  const keyLines = findKeyLines(text, keys);
  return keys.flatMap((key) => {
    const lines = keyLines.filter((l) => l.key === key).length;
    return lines > 0 ? [{ key, lines }] : [];
  });
}

type SysctlConfRead =
  | {
      readonly ok: true;
      readonly target: Exclude<TargetFile, { kind: 'refused' }>;
      readonly currentSha: string | null;
    }
  | { readonly ok: false; readonly error: ApiError };

/** /etc/sysctl.conf as it is now; refused when it is no plain text file or changed since the UI read it. */
async function readSysctlConfUnchanged(
  ctx: SystemContext,
  expectedSha256: string | null,
): Promise<SysctlConfRead> {
  const target = await readEditableFile(ctx, SYSCTL_CONF);
  if (target.kind === 'refused') return { ok: false, error: target.error };
  const currentSha = target.kind === 'file' ? target.sha256 : null;
  const changed = changedSinceRead(SYSCTL_CONF, currentSha, expectedSha256);
  return changed ? { ok: false, error: changed } : { ok: true, target, currentSha };
}

/** Writes our keys into /etc/sysctl.conf, byte-preserving, like any other file. */
async function planSysctlConf(
  ctx: SystemContext,
  tokens: Record<SettingId, '0' | '1' | '-'>,
  expectedSha256: string | null,
): Promise<StepPlan | ApiError> {
  const read = await readSysctlConfUnchanged(ctx, expectedSha256);
  if (!read.ok) return read.error;
  const { target, currentSha } = read;
  const values = persistedValues(tokens);
  if (values.size === 0) return NOTHING_TO_APPLY;
  const content = setKeysInText(target.kind === 'file' ? target.text : null, values);
  const refused = refusedContent(SYSCTL_CONF, target.kind === 'file' ? target.text : null, content);
  if (refused) return refused;
  return {
    ipv4: tokens.ipv4,
    ipv6: tokens.ipv6,
    file: { op: 'write-conf', expectedSha256: currentSha, content },
  };
}

/**
 * Takes our keys' lines out of /etc/sysctl.conf through the same write as the conflict fix
 * (write-conf: hash check, temp file with the original's attributes, rename), keeping every
 * other byte. The file itself always stays, even when nothing else is left in it: it is the
 * system's own file, and the 99-sysctl.conf link of Debian and Ubuntu points at it.
 */
async function planSysctlConfRemoval(
  ctx: SystemContext,
  tokens: Record<SettingId, '0' | '1' | '-'>,
  keys: readonly string[],
  expectedSha256: string | null,
): Promise<StepPlan | ApiError> {
  const read = await readSysctlConfUnchanged(ctx, expectedSha256);
  if (!read.ok) return read.error;
  const { target, currentSha } = read;
  const removed = target.kind === 'file' ? countRemovedLines(target.text, keys) : [];
  if (target.kind === 'absent' || removed.length === 0) {
    if (tokens.ipv4 !== '-' || tokens.ipv6 !== '-')
      return { ipv4: tokens.ipv4, ipv6: tokens.ipv6, file: { op: 'none' } };
    return {
      code: 'nothing-to-remove',
      message: `${SYSCTL_CONF} does not set ${keys.join(' or ')}.`,
    };
  }
  const content = removeKeysFromText(target.text, keys).text;
  const refused = refusedContent(SYSCTL_CONF, target.text, content);
  if (refused) return refused;
  return {
    ipv4: tokens.ipv4,
    ipv6: tokens.ipv6,
    file: { op: 'write-conf', expectedSha256: currentSha, content, removed },
  };
}

export function isPlan(value: StepPlan | ApiError): value is StepPlan {
  return 'file' in value;
}

/** Plans, runs one privileged step (one authentication), and maps the result to words. */
export async function applyChanges(
  ctx: SystemContext,
  elevator: Elevator,
  request: ApplyRequest,
): Promise<ApplyResult> {
  const planned = await planApply(ctx, request);
  if (!isPlan(planned)) return { applied: false, error: planned, plan: null };
  return runPlannedStep(ctx, elevator, planned);
}

/** Runs one planned step on this computer (one authentication) and maps the result to words. */
export async function runPlannedStep(
  ctx: SystemContext,
  elevator: Elevator,
  planned: StepPlan,
): Promise<ApplyResult> {
  let args: string[];
  try {
    args = buildStepArguments(planned);
  } catch (error) {
    if (error instanceof StepPlanError) {
      return {
        applied: false,
        error: { code: 'invalid-request', message: error.message },
        plan: planned,
      };
    }
    throw error;
  }
  const manual = buildManualAlternatives(planned);
  const before = await readRuntimeValues(ctx);
  const run = await elevator.runStep(args, manual);
  if (run.kind === 'not-elevated') return { applied: false, error: run.error, plan: planned };
  // A killed earlier Apply, resolved by this step before its own change, is reported first.
  const recovered = parseRecoveryLine(run.stdout);
  const recovery = recovered ? describeRecovery(recovered) : null;
  const failure = mapStepExit(run.exitCode, run.stderr, wantedRuntimeValues(planned));
  if (failure) {
    const details = [recovery, failure.details].filter(Boolean).join('\n') || undefined;
    return { applied: false, error: { ...failure, details }, plan: planned };
  }
  const summary = describeChanges(planned, before);
  return { applied: true, summary: recovery ? `${recovery} ${summary}` : summary, plan: planned };
}
