import type { AppState, ApplyRequest, ChangePlan } from '../../../electron/contract';
import { currentValue } from './selectors';

/**
 * Why Apply is off although something waits in the bar: an Apply that cannot work, or
 * whose success would not be one, is never offered.
 * - `read-only-proc`: /proc/sys is mounted read-only (a container), so no running value
 *   can change here.
 * - `would-not-last`: the plan's conflicts: the value would not stick at boot.
 * - `changes-nothing`: every value is already running and the file already says it.
 */
export type ApplyBlock =
  | { readonly kind: 'read-only-proc'; readonly mountPoint: string }
  | { readonly kind: 'would-not-last' }
  | { readonly kind: 'changes-nothing' };

/** True when the request would set a running value (a removal may reset them to 0). */
function setsRunningValues(request: ApplyRequest): boolean {
  const { persistence } = request;
  const resets = 'resetRuntime' in persistence && persistence.resetRuntime;
  return Object.keys(request.values).length > 0 || resets;
}

function changesNothing(system: AppState, request: ApplyRequest, plan: ChangePlan): boolean {
  const kind = request.persistence.kind;
  if (kind === 'unpersist' || kind === 'unpersist-sysctl-conf') return false;
  const fileUnchanged = plan.file === null || plan.file.action === 'unchanged';
  const values = Object.entries(request.values);
  return fileUnchanged && values.every(([id, value]) => currentValue(system, id) === value);
}

/** The reason Apply is off for this request and plan, or null when it may run. */
export function applyBlock(
  system: AppState,
  request: ApplyRequest | null,
  plan: ChangePlan | null,
): ApplyBlock | null {
  if (request === null) return null;
  const readOnly = system.platform.procSysReadOnly;
  if (readOnly && setsRunningValues(request))
    return { kind: 'read-only-proc', mountPoint: readOnly.mountPoint };
  if (plan === null || plan.error !== null) return null;
  if (plan.conflicts.length > 0) return { kind: 'would-not-last' };
  if (changesNothing(system, request, plan)) return { kind: 'changes-nothing' };
  return null;
}
