import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type {
  AlikeChange,
  ApiError,
  CandidateProblem,
  RuntimeValue,
  SettingId,
} from '../../contract';
import { checkFileName, DEFAULT_FILE_NAME } from '../file-name';
import { findHiddenFile } from '../hidden-file';
import { stepArguments, type StepPlan } from '../privileged-step';
import { checkContentChange } from '../step-content-rule';
import { decodeUtf8Strict, setKeysInText, type KeyValue } from '../sysctl-edit';
import type { SnapshotEntry, SysctlSnapshot } from '../sysctl-snapshot';
import { SYSCTL_CONF } from '../sysctl-sources';
import { predictFromSnapshot, runningValue, type NodePrediction } from './predict-from-snapshot';

const ETC_SYSCTL_D = '/etc/sysctl.d';

/** Longer than any real name: the rest of a hostile one is cut, not echoed. */
const MAX_SHOWN = 80;

/** A path as a node named it, printable and short enough for a sentence. */
export function shownPath(path: string): string {
  // Control characters would garble the sentence; a name has no business holding one.
  const printable = path.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  const chars = [...printable];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : printable;
}

/** The problem with its paths made printable and short: they came from the node. */
function shortened(p: CandidateProblem): CandidateProblem {
  if (p.code === 'would-hide')
    return { ...p, path: shownPath(p.path), hidden: shownPath(p.hidden) };
  if (p.code === 'step-refuses') return { ...p, path: p.path === null ? null : shownPath(p.path) };
  return { ...p, path: shownPath(p.path) };
}

/** The machine cannot be made alike by any file the app may write: which, and why each. */
export function cannotPersistError(name: string, problems: readonly CandidateProblem[]): ApiError {
  const code = 'cannot-persist';
  return { code, data: { from: 'machine', code, name, problems: problems.map(shortened) } };
}

/** The values every machine should end up with, now and after a reboot. */
export type AlikeTarget = Readonly<Record<SettingId, RuntimeValue | null>>;

/** One machine as read: its snapshot and what the shared model predicts from it. */
export interface ReadMachine {
  readonly name: string;
  readonly snapshot: SysctlSnapshot;
  readonly prediction: NodePrediction;
}

export type MachinePlan =
  | { readonly kind: 'alike' }
  | {
      readonly kind: 'change';
      readonly step: StepPlan;
      /** The step's arguments for `step`, already checked by the rules the step applies. */
      readonly args: readonly string[];
      /** The file written, as a system path, or null when only runtime values change. */
      readonly file: string | null;
      readonly changes: readonly AlikeChange[];
    }
  | {
      readonly kind: 'impossible';
      readonly error: ApiError;
      /** Why each file the app could write was ruled out (empty when no file is involved). */
      readonly problems: readonly CandidateProblem[];
    };

/** The reference machine's running values: what "like this one" means. */
export function targetFrom(reference: NodePrediction): AlikeTarget {
  return Object.fromEntries(reference.settings.map((s) => [s.id, s.effective]));
}

/** Both engines leave `want` at boot for every key in `ids`. */
function bootMatches(p: NodePrediction, ids: readonly SettingId[], target: AlikeTarget): boolean {
  return ids.every((id) => {
    const boot = p.boot.settings.find((s) => s.id === id);
    const want = target[id];
    return boot !== undefined && boot.systemd.effective === want && boot.procps.effective === want;
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Candidate {
  /** A name in /etc/sysctl.d, or null for /etc/sysctl.conf. */
  readonly name: string | null;
  readonly entry: SnapshotEntry | null;
}

function etcEntries(snapshot: SysctlSnapshot): readonly SnapshotEntry[] {
  return snapshot.directories.find((d) => d.dir === ETC_SYSCTL_D)?.entries ?? [];
}

/**
 * Files worth writing, most natural first: the /etc/sysctl.d files that already
 * set a key (the last in order first: it wins), then the app's own file, then
 * /etc/sysctl.conf, which procps reads after every directory.
 */
function candidates(machine: ReadMachine, ids: readonly SettingId[]): Candidate[] {
  const entries = etcEntries(machine.snapshot);
  const setting: Candidate[] = [];
  for (const id of ids) {
    const boot = machine.prediction.boot.settings.find((s) => s.id === id);
    for (const a of [...(boot?.systemd.assignments ?? [])].reverse()) {
      if (!a.path.startsWith(`${ETC_SYSCTL_D}/`)) continue;
      const name = a.path.slice(ETC_SYSCTL_D.length + 1);
      const entry = entries.find((e) => e.name === name) ?? null;
      if (!setting.some((c) => c.name === name)) setting.push({ name, entry });
    }
  }
  const own = entries.find((e) => e.name === DEFAULT_FILE_NAME) ?? null;
  return [
    ...setting,
    ...(setting.some((c) => c.name === DEFAULT_FILE_NAME)
      ? []
      : [{ name: DEFAULT_FILE_NAME, entry: own }]),
    { name: null, entry: machine.snapshot.sysctlConf },
  ];
}

/** The snapshot as it would be after writing `content` into the candidate. */
function withContent(snapshot: SysctlSnapshot, c: Candidate, content: Buffer): SysctlSnapshot {
  if (c.name === null) {
    // Debian's /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf shows the same bytes to systemd.
    const linked = (dir: string, e: SnapshotEntry) =>
      e.kind === 'file' &&
      e.linkTarget !== null &&
      posix.resolve(dir, e.linkTarget) === SYSCTL_CONF;
    return {
      ...snapshot,
      directories: snapshot.directories.map((d) => ({
        dir: d.dir,
        entries: d.entries.map((e) => (linked(d.dir, e) ? { ...e, content } : e)),
      })),
      sysctlConf: { name: 'sysctl.conf', kind: 'file', content, linkTarget: null },
    };
  }
  const entry: SnapshotEntry = { name: c.name, kind: 'file', content, linkTarget: null };
  const has = snapshot.directories.some((d) => d.dir === ETC_SYSCTL_D);
  const directories = has
    ? snapshot.directories.map((d) =>
        d.dir === ETC_SYSCTL_D
          ? { dir: d.dir, entries: [...d.entries.filter((e) => e.name !== c.name), entry] }
          : d,
      )
    : [{ dir: ETC_SYSCTL_D, entries: [entry] }, ...snapshot.directories];
  return { ...snapshot, directories };
}

/**
 * What makes one machine like the target: runtime values now, and one file whose
 * new content the shared model confirms gives the target under both engines at
 * boot. Every candidate is checked by simulation, so a file that would lose to a
 * later one is never proposed.
 */
export function planAlike(machine: ReadMachine, target: AlikeTarget): MachinePlan {
  const settings = machine.prediction.settings;
  const ids = settings.map((s) => s.id).filter((id) => (target[id] ?? null) !== null);
  const want = (id: SettingId): RuntimeValue | null => target[id] ?? null;
  const keyOf = (id: SettingId): string => settings.find((s) => s.id === id)?.key ?? id;
  const runtimeOff = ids.filter((id) => runningValue(machine.prediction, id) !== want(id));
  const bootOff = ids.filter((id) => !bootMatches(machine.prediction, [id], target));
  if (runtimeOff.length === 0 && bootOff.length === 0) return { kind: 'alike' };

  const unavailable = runtimeOff.filter((id) => {
    const r = settings.find((s) => s.id === id)?.runtime;
    return r?.kind === 'unavailable';
  });
  if (unavailable.length > 0) {
    const key = keyOf(unavailable[0] ?? '');
    return {
      kind: 'impossible',
      error: {
        code: 'setting-unavailable',
        data: { from: 'machine', code: 'setting-unavailable', name: machine.name, key },
      },
      problems: [],
    };
  }

  // Only the keys that would be wrong at boot are written: a file gains no line it does not need.
  const values = new Map<string, KeyValue>();
  for (const id of bootOff) values.set(keyOf(id), want(id) === 1 ? '1' : '0');
  // Every setting that is wrong now or at boot is set now, so both agree afterwards.
  const stepValues = Object.fromEntries(
    ids
      .filter((id) => runtimeOff.includes(id) || bootOff.includes(id))
      .map((id) => [id, want(id) === 1 ? '1' : '0'] as const),
  );
  const changes = runtimeOff.map((id): AlikeChange => ({
    when: 'now',
    id,
    from: runningValue(machine.prediction, id),
    to: want(id),
  }));

  if (bootOff.length === 0) {
    const step: StepPlan = { values: stepValues, file: { op: 'none' } };
    const built = stepArguments(step);
    if (!built.ok) {
      const problems = [{ path: null, code: 'step-refuses', error: built.error } as const];
      return { kind: 'impossible', error: cannotPersistError(machine.name, problems), problems };
    }
    return { kind: 'change', step, args: built.args, file: null, changes };
  }
  const problems: CandidateProblem[] = [];
  for (const c of candidates(machine, ids)) {
    const path = c.name === null ? SYSCTL_CONF : `${ETC_SYSCTL_D}/${c.name}`;
    // The node's own names are whatever it has: one the step would refuse is never proposed.
    const name = c.name === null ? null : checkFileName(c.name);
    if (name !== null && !name.ok) {
      problems.push({ path, code: 'name-refused', refusal: name.error });
      continue;
    }
    // A new name in /etc/sysctl.d would replace a vendor's file of that name at boot; the
    // simulation below checks only our keys, so it would never notice.
    const hidden = c.name === null ? null : findHiddenFile(machine.snapshot, c.name);
    if (hidden) {
      problems.push({ path, code: 'would-hide', hidden: hidden.path });
      continue;
    }
    if (c.entry !== null && c.entry.kind !== 'file') {
      problems.push({ path, code: c.entry.kind === 'masked' ? 'masked' : 'not-readable' });
      continue;
    }
    if (c.entry?.linkTarget) {
      problems.push({ path, code: 'link' });
      continue;
    }
    const old = c.entry ? decodeUtf8Strict(c.entry.content) : null;
    if (c.entry && old === null) {
      problems.push({ path, code: 'not-utf8' });
      continue;
    }
    const content = setKeysInText(old, values);
    // The step's content rule (only the two settings' lines may change), checked here first.
    const rule = checkContentChange(old, content);
    if (!rule.ok) {
      problems.push({ path, code: 'content-refused', error: rule.error });
      continue;
    }
    const bytes = Buffer.from(content, 'utf8');
    if (!bootMatches(predictFromSnapshot(withContent(machine.snapshot, c, bytes)), ids, target)) {
      problems.push({ path, code: 'loses-at-boot' });
      continue;
    }
    const expectedSha256 = c.entry ? sha256(c.entry.content) : null;
    const file: StepPlan['file'] =
      old === content
        ? { op: 'none' }
        : c.name === null
          ? { op: 'write-conf', expectedSha256, content }
          : { op: 'write', name: c.name, expectedSha256, content };
    const step: StepPlan = { values: stepValues, file };
    // The step's own limits (size, encoding), checked by the same code that builds its
    // arguments: what is offered here is exactly what the step accepts.
    const built = stepArguments(step);
    if (!built.ok) {
      problems.push({ path, code: 'step-refuses', error: built.error });
      continue;
    }
    const bootChanges = bootOff.map((id): AlikeChange => ({
      when: 'boot',
      id,
      to: want(id),
      path: shownPath(path),
      newFile: c.entry === null,
    }));
    return {
      kind: 'change',
      step,
      args: built.args,
      file: file.op === 'none' ? null : path,
      changes: [...changes, ...bootChanges],
    };
  }
  return { kind: 'impossible', error: cannotPersistError(machine.name, problems), problems };
}
