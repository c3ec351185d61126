import type { ApiError } from '../../contract';
import type { Catalogue } from '../settings';
import { refusedContent } from '../step-content-words';
import { removeKeysFromText, setKeysInText } from '../sysctl-edit';
import { editableFile, type TargetFile } from '../sysctl-d-files';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import { SYSCTL_CONF } from '../sysctl-sources';
import {
  changedSinceRead,
  changesRuntime,
  countRemovedLines,
  NOTHING_TO_APPLY,
  persistedValues,
  stepPlan,
  type RuntimeTokens,
} from './plan-parts';
import { planned, refused, type PlanResult } from './plan-result';

type SysctlConfRead =
  | {
      readonly ok: true;
      readonly target: Exclude<TargetFile, { kind: 'refused' }>;
      readonly currentSha: string | null;
    }
  | { readonly ok: false; readonly error: ApiError };

/** /etc/sysctl.conf as it is now; refused when it is no plain text file or changed since the UI read it. */
function readSysctlConfUnchanged(
  snapshot: SysctlSnapshot,
  expectedSha256: string | null,
): SysctlConfRead {
  const target = editableFile(snapshot.sysctlConf, SYSCTL_CONF);
  if (target.kind === 'refused') return { ok: false, error: target.error };
  const currentSha = target.kind === 'file' ? target.sha256 : null;
  const changed = changedSinceRead(SYSCTL_CONF, currentSha, expectedSha256);
  return changed ? { ok: false, error: changed } : { ok: true, target, currentSha };
}

/** Writes our keys into /etc/sysctl.conf, byte-preserving, like any other file. */
export function planSysctlConf(
  snapshot: SysctlSnapshot,
  tokens: RuntimeTokens,
  catalogue: Catalogue,
  expectedSha256: string | null,
): PlanResult {
  const read = readSysctlConfUnchanged(snapshot, expectedSha256);
  if (!read.ok) return read;
  const { target, currentSha } = read;
  const values = persistedValues(tokens, catalogue);
  if (values.size === 0) return refused(NOTHING_TO_APPLY);
  const oldText = target.kind === 'file' ? target.text : null;
  const content = setKeysInText(oldText, values);
  const refusal = refusedContent(SYSCTL_CONF, oldText, content, catalogue);
  if (refusal) return refused(refusal);
  return planned(stepPlan(tokens, { op: 'write-conf', expectedSha256: currentSha, content }));
}

/**
 * Takes our keys' lines out of /etc/sysctl.conf through the same write as the conflict fix
 * (write-conf: hash check, temp file with the original's attributes, rename), keeping every
 * other byte. The file itself always stays, even when nothing else is left in it: it is the
 * system's own file, and the 99-sysctl.conf link of Debian and Ubuntu points at it.
 */
export function planSysctlConfRemoval(
  snapshot: SysctlSnapshot,
  tokens: RuntimeTokens,
  /** The settings whose lines go. */
  scope: Catalogue,
  expectedSha256: string | null,
): PlanResult {
  const keys = scope.map((s) => s.key);
  const read = readSysctlConfUnchanged(snapshot, expectedSha256);
  if (!read.ok) return read;
  const { target, currentSha } = read;
  const removed = target.kind === 'file' ? countRemovedLines(target.text, keys) : [];
  if (target.kind === 'absent' || removed.length === 0) {
    if (changesRuntime(tokens)) return planned(stepPlan(tokens, { op: 'none' }));
    return refused({
      code: 'nothing-to-remove',
      data: { from: 'plan', code: 'nothing-to-remove', path: SYSCTL_CONF, keys },
    });
  }
  const content = removeKeysFromText(target.text, keys).text;
  const refusal = refusedContent(SYSCTL_CONF, target.text, content, scope);
  if (refusal) return refused(refusal);
  return planned(
    stepPlan(tokens, { op: 'write-conf', expectedSha256: currentSha, content, removed }),
  );
}
