import type { ApplyRequest, RuntimeValue, SettingId } from '../../../electron/contract';
import { onlyIdsOf, type Removal } from './persistence-choice';
import { currentValue } from './selectors';
import type { ViewState } from './view-state';

/** True while something waits for Apply (a change, a value to keep, or a removal). */
export function hasPendingChange(state: ViewState): boolean {
  return buildRequest(state) !== null || idleKeeps(state).length > 0;
}

/** How many things wait for Apply: each switch change, each value kept at boot, a removal. */
export function countPending(state: ViewState): number {
  const kept = state.keepIds.filter((id) => state.pending[id] === undefined);
  const removals = state.persistence.kind === 'remove' ? 1 : 0;
  return Object.keys(state.pending).length + kept.length + removals;
}

/**
 * Values to keep at boot that "This session only" leaves nothing to do for: the kernel
 * already holds them. They stay chosen, so switching back to "Now and at every boot"
 * brings them back, and the bar says why Apply has nothing to do meanwhile.
 */
export function idleKeeps(state: ViewState): readonly SettingId[] {
  if (state.persistence.kind !== 'runtime') return [];
  return state.keepIds.filter((id) => state.pending[id] === undefined);
}

/** Why a pending switch change is not part of the next Apply, or null when it is. */
export function waitingReason(state: ViewState, id: SettingId): 'removal' | 'conflict-fix' | null {
  if (state.pending[id] === undefined) return null;
  if (state.persistence.kind === 'remove') return 'removal';
  const onlyIds = onlyIdsOf(state.persistence);
  if (onlyIds !== null && !onlyIds.includes(id)) return 'conflict-fix';
  return null;
}

function removalRequest(state: ViewState, removal: Removal): ApplyRequest {
  const { from, settings, resetRuntime } = removal;
  if (from.kind === 'sysctl-conf') {
    const expectedSha256 = state.system?.persistence.sysctlConf?.sha256 ?? null;
    return {
      values: {},
      persistence: { kind: 'unpersist-sysctl-conf', expectedSha256, resetRuntime, settings },
    };
  }
  const { fileName } = from;
  const expectedSha256 = shaOf(state, fileName);
  return {
    values: {},
    persistence: { kind: 'unpersist', fileName, expectedSha256, resetRuntime, settings },
  };
}

/**
 * The request the current choices describe, or null when there is nothing to apply.
 * The privileged step removes lines without setting values, so a removal is applied first
 * and alone; switch changes wait behind it (`waitingReason`) for the next Apply.
 */
export function buildRequest(state: ViewState): ApplyRequest | null {
  const choice = state.persistence;
  if (choice.kind === 'remove') return removalRequest(state, choice.removal);
  const { onlyIds } = choice.boot;
  const values: Record<SettingId, RuntimeValue> = {};
  for (const setting of state.system?.settings ?? []) {
    if (onlyIds !== null && !onlyIds.includes(setting.id)) continue;
    const pending = state.pending[setting.id];
    const kept =
      choice.kind === 'persist' && state.keepIds.includes(setting.id)
        ? currentValue(state.system, setting.id)
        : null;
    const value = pending ?? kept;
    if (value !== undefined && value !== null) values[setting.id] = value;
  }
  if (Object.keys(values).length === 0) return null;
  if (choice.kind === 'runtime') return { values, persistence: { kind: 'runtime' } };
  if (choice.boot.kind === 'sysctl-conf') {
    const expectedSha256 = state.system?.persistence.sysctlConfSha256 ?? null;
    return { values, persistence: { kind: 'persist-sysctl-conf', expectedSha256 } };
  }
  const fileName = choice.boot.file.name ?? '';
  return {
    values,
    persistence: { kind: 'persist', fileName, expectedSha256: shaOf(state, fileName) },
  };
}

/** The hash the UI read for a file in /etc/sysctl.d; null when it did not exist then. */
function shaOf(state: ViewState, fileName: string): string | null {
  return state.system?.persistence.files.find((f) => f.name === fileName)?.sha256 ?? null;
}

/** The request's content as a key: equal requests from different renders share it. */
export function requestKeyOf(request: ApplyRequest | null): string | null {
  return request === null ? null : JSON.stringify(request);
}
