import type {
  AppState,
  ChangedSettings,
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
function changedSettings(state: ViewState): ChangedSettings {
  const { kind, boot } = lastingOf(state.persistence);
  const kept = kind === 'persist' ? state.keepIds : [];
  const ids = [...(Object.keys(state.pending) as SettingId[]), ...kept].filter(
    (id) => boot.onlyIds === null || boot.onlyIds.includes(id),
  );
  const unique = [...new Set(ids)];
  return unique.length === 1 && unique[0] ? unique[0] : 'both';
}

/**
 * The file a change goes into unless the user chose one: a file in /etc/sysctl.d that
 * already sets one of the keys being changed, else the app's own default file (the
 * backend's rule, `suggestedFileNames`), for exactly the settings pending now.
 */
export function defaultFileName(state: ViewState): string | null {
  return state.system?.persistence.suggestedFileNames[changedSettings(state)] ?? null;
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
