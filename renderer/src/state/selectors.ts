import type {
  AppState,
  PersistenceState,
  RuntimeValue,
  SettingBoot,
  SettingId,
} from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import { lastingOf } from './persistence-choice';
import type { ViewState } from './view-state';

/** The runtime value of a setting as the kernel uses it, or null when it cannot be changed. */
export function currentValue(system: AppState | null, id: SettingId): RuntimeValue | null {
  return system?.settings.find((s) => s.id === id)?.effective ?? null;
}

/** True when the value of `id` is chosen to be written for boot although it was not toggled. */
export function keptAtBoot(state: ViewState, id: SettingId): boolean {
  return lastingOf(state.persistence).kind === 'persist' && state.keepIds.includes(id);
}

/** The settings the next Apply would write at boot: switch changes and kept values, in scope. */
function changedSettings(state: ViewState): SettingId[] {
  const { kind, boot } = lastingOf(state.persistence);
  const kept = kind === 'persist' ? state.keepIds : [];
  const ids = [...Object.keys(state.pending), ...kept].filter(
    (id) => boot.onlyIds === null || boot.onlyIds.includes(id),
  );
  return [...new Set(ids)];
}

/**
 * The default target for a change of `ids` (none: every setting): a file that already sets
 * one of them and decides it at boot (`decidingFiles`), so a second file never competes.
 * When different files decide them, the one that sorts last (both engines apply names in
 * byte order; writable names are ASCII, so string order is byte order): each key written
 * there then comes after the other file's line. Else the app's own default file.
 */
export function suggestedFileName(
  persistence: Pick<PersistenceState, 'decidingFiles' | 'defaultFileName'>,
  ids: readonly SettingId[],
): string {
  const deciding = persistence.decidingFiles;
  const chosen = ids.length > 0 ? ids : Object.keys(deciding);
  const names = chosen.flatMap((id) => deciding[id] ?? []).sort();
  return names[names.length - 1] ?? persistence.defaultFileName;
}

/** The file a change goes into unless the user chose one, for exactly the settings pending now. */
export function defaultFileName(state: ViewState): string | null {
  return state.system ? suggestedFileName(state.system.persistence, changedSettings(state)) : null;
}

/**
 * "Make both keep it": whether writing the kept value into /etc/sysctl.conf settles the
 * engines' disagreement. /etc/sysctl.conf is applied last by `sysctl --system`, but
 * systemd-sysctl reads it only when it decides there already (the 99-sysctl.conf link).
 * Writing there settles it only if systemd-sysctl then ends on the kept value too;
 * otherwise the bar's conflict note offers the fixes that do (a later file name, the
 * winning file).
 */
export function sysctlConfSettles(state: ViewState, boot: SettingBoot): boolean {
  const kept = state.pending[boot.id] ?? currentValue(state.system, boot.id);
  const sysctlConfDecides = [boot.systemd.winner, boot.procps.winner].some(
    (w) => w?.path === SYSCTL_CONF_PATH,
  );
  const systemdAgrees =
    boot.systemd.winner?.path === SYSCTL_CONF_PATH || boot.systemd.effective === kept;
  return sysctlConfDecides && systemdAgrees;
}
