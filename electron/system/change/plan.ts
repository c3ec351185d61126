import type { ApplyRequest, Persistence, SettingId } from '../../contract';
import { validateFileName } from '../file-name';
import { findHiddenFile, findSameNameLater, hiddenFileError } from '../hidden-file';
import type { StepPlan } from '../privileged-step';
import { SETTINGS, type Catalogue } from '../settings';
import { refusedContent } from '../step-content-words';
import { removeKeysFromText, setKeysInText } from '../sysctl-edit';
import { editableFile, etcEntry, SYSCTL_D, type TargetFile } from '../sysctl-d-files';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import {
  changedSinceRead,
  changesRuntime,
  countRemovedLines,
  isAvailable,
  NOTHING_TO_APPLY,
  persistedValues,
  stepPlan,
  type RuntimeTokens,
} from './plan-parts';
import { planned, refused, type PlanResult } from './plan-result';
import { planSysctlConf, planSysctlConfRemoval } from './sysctl-conf-plan';

type Removal = Extract<Persistence, { kind: 'unpersist' | 'unpersist-sysctl-conf' }>;
type DropIn = Extract<Persistence, { kind: 'persist' | 'unpersist' }>;
type ReadDropIn = Exclude<TargetFile, { kind: 'refused' }>;

function isRemoval(persistence: Persistence): persistence is Removal {
  return persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf';
}

/** The settings a removal works on; absent means all of them. */
function removalScope(persistence: Persistence): (id: SettingId) => boolean {
  if (!isRemoval(persistence) || persistence.settings === undefined) return () => true;
  const chosen = persistence.settings;
  return (id) => chosen.includes(id);
}

/**
 * Turns a validated request into exactly one privileged step, from what the target held
 * when it was read (pure: nothing is read here, the step checks every hash again).
 * Refuses (and runs nothing) when the request cannot be carried out as asked.
 */
export function planApply(
  snapshot: SysctlSnapshot,
  request: ApplyRequest,
  catalogue: Catalogue = SETTINGS,
): PlanResult {
  const tokens: RuntimeTokens = {};
  const { persistence } = request;
  const removal = isRemoval(persistence);
  const inScope = removalScope(persistence);
  for (const setting of catalogue) {
    const value = removal
      ? persistence.resetRuntime && inScope(setting.id)
        ? 0
        : undefined
      : request.values[setting.id];
    if (value === undefined) continue;
    const current = snapshot.runtime[setting.id];
    if (!current || !isAvailable(current)) {
      if (removal) continue;
      const detail = current?.kind === 'unavailable' ? current.detail : null;
      const code = 'setting-unavailable';
      return refused({
        code,
        data: { from: 'setting', code, id: setting.id, key: setting.key, detail },
      });
    }
    tokens[setting.id] = value === 1 ? '1' : '0';
  }
  // A removal takes out the lines of the settings in its scope, and only those.
  const scope = catalogue.filter((s) => inScope(s.id));

  switch (persistence.kind) {
    case 'runtime':
      return changesRuntime(tokens)
        ? planned(stepPlan(tokens, { op: 'none' }))
        : refused(NOTHING_TO_APPLY);
    case 'persist-sysctl-conf':
      return planSysctlConf(snapshot, tokens, catalogue, persistence.expectedSha256);
    case 'unpersist-sysctl-conf':
      return planSysctlConfRemoval(snapshot, tokens, scope, persistence.expectedSha256);
    case 'persist':
      return planDropIn(snapshot, tokens, catalogue, persistence);
    case 'unpersist':
      return planDropIn(snapshot, tokens, scope, persistence);
  }
}

/** A change to a file of /etc/sysctl.d, refused when it changed since the UI read it. */
function planDropIn(
  snapshot: SysctlSnapshot,
  tokens: RuntimeTokens,
  /** The settings it writes (persist) or whose lines it removes (unpersist). */
  catalogue: Catalogue,
  persistence: DropIn,
): PlanResult {
  const name = validateFileName(persistence.fileName);
  if (!name.ok) return refused(name.error);
  const target = editableFile(etcEntry(snapshot, name.name), `${SYSCTL_D}/${name.name}`);
  if (target.kind === 'refused') return refused(target.error);
  const currentSha = target.kind === 'file' ? target.sha256 : null;
  const changed = changedSinceRead(
    `${SYSCTL_D}/${name.name}`,
    currentSha,
    persistence.expectedSha256,
  );
  if (changed) return refused(changed);
  return persistence.kind === 'persist'
    ? planPersist(snapshot, tokens, catalogue, name.name, target, currentSha)
    : planUnpersist(snapshot, tokens, catalogue, name.name, target, currentSha);
}

function planPersist(
  snapshot: SysctlSnapshot,
  tokens: RuntimeTokens,
  catalogue: Catalogue,
  name: string,
  target: ReadDropIn,
  currentSha: string | null,
): PlanResult {
  const values = persistedValues(tokens, catalogue);
  if (values.size === 0) return refused(NOTHING_TO_APPLY);
  if (target.kind === 'absent') {
    // A new name in /etc/sysctl.d replaces a same-named file of a later directory at boot.
    const hidden = findHiddenFile(snapshot, name);
    if (hidden) return refused(hiddenFileError(name, hidden));
  }
  const oldText = target.kind === 'file' ? target.text : null;
  const content = setKeysInText(oldText, values);
  const refusal = refusedContent(`${SYSCTL_D}/${name}`, oldText, content, catalogue);
  if (refusal) return refused(refusal);
  const file: StepPlan['file'] =
    content === oldText
      ? { op: 'none' }
      : { op: 'write', name, expectedSha256: currentSha, content };
  return planned(stepPlan(tokens, file));
}

function planUnpersist(
  snapshot: SysctlSnapshot,
  tokens: RuntimeTokens,
  scope: Catalogue,
  name: string,
  target: ReadDropIn,
  currentSha: string | null,
): PlanResult {
  const keys = scope.map((s) => s.key);
  if (target.kind === 'absent') {
    if (changesRuntime(tokens)) return planned(stepPlan(tokens, { op: 'none' }));
    return refused({
      code: 'nothing-to-remove',
      data: { from: 'plan', code: 'nothing-to-remove', path: `${SYSCTL_D}/${name}`, keys: [] },
    });
  }
  const removed = countRemovedLines(target.text, keys);
  // Both come from the same lines (findOurLines): when none is ours, the text is unchanged.
  if (removed.length === 0) {
    if (changesRuntime(tokens)) return planned(stepPlan(tokens, { op: 'none' }));
    return refused({
      code: 'nothing-to-remove',
      data: { from: 'plan', code: 'nothing-to-remove', path: `${SYSCTL_D}/${name}`, keys },
    });
  }
  const removal = removeKeysFromText(target.text, keys);
  // A file emptied of our lines goes, unless it stands in for a same-named file of a later
  // directory: deleting it would bring that file's settings back at boot, so it is kept.
  const deletes = removal.deleteFile && findSameNameLater(snapshot, name) === null;
  const newText = deletes ? null : removal.text;
  const refusal = refusedContent(`${SYSCTL_D}/${name}`, target.text, newText, scope);
  if (refusal) return refused(refusal);
  const expectedSha256 = currentSha;
  return planned(
    stepPlan(
      tokens,
      deletes
        ? { op: 'delete', name, expectedSha256, removed }
        : { op: 'write', name, expectedSha256, content: removal.text, removed },
    ),
  );
}
