import type { AppState, ApplyRequest, RuntimeValue, SettingId } from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import { currentValue } from './selectors';

/**
 * One line of the pending change, as data: the apply bar words it at render time
 * (change-words.ts), so the words follow the active language.
 */
export type PendingChange =
  /** Take these keys out of a file (a removal). */
  | { readonly kind: 'remove'; readonly keys: readonly string[]; readonly path: string }
  /** A removal that also turns the running value off now. */
  | {
      readonly kind: 'reset-now';
      readonly id: SettingId;
      readonly key: string;
      readonly from: RuntimeValue | null;
    }
  /** The value stays as it is now and is kept at every boot. */
  | {
      readonly kind: 'keep';
      readonly id: SettingId;
      readonly key: string;
      readonly value: RuntimeValue;
    }
  | {
      readonly kind: 'change';
      readonly id: SettingId;
      readonly key: string;
      readonly from: RuntimeValue | null;
      readonly to: RuntimeValue;
    };

/** The pending change, one line per setting (a removal: its file, then each value reset now). */
export function pendingChanges(system: AppState, request: ApplyRequest): PendingChange[] {
  const persistence = request.persistence;
  if (persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf') {
    const settings = system.settings.filter(
      (s) => persistence.settings === undefined || persistence.settings.includes(s.id),
    );
    const path =
      persistence.kind === 'unpersist'
        ? `${system.persistence.directory}/${persistence.fileName}`
        : SYSCTL_CONF_PATH;
    return [
      { kind: 'remove', keys: settings.map((s) => s.key), path },
      ...(persistence.resetRuntime
        ? settings.map((s): PendingChange => ({
            kind: 'reset-now',
            id: s.id,
            key: s.key,
            from: currentValue(system, s.id),
          }))
        : []),
    ];
  }
  return system.settings.flatMap((setting): PendingChange[] => {
    const wanted = request.values[setting.id];
    if (wanted === undefined) return [];
    const current = currentValue(system, setting.id);
    return [
      current === wanted
        ? { kind: 'keep', id: setting.id, key: setting.key, value: wanted }
        : { kind: 'change', id: setting.id, key: setting.key, from: current, to: wanted },
    ];
  });
}
