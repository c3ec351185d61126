import type { AppState, ApplyRequest, RuntimeValue } from '../../electron/contract';
import { currentValue } from './state/selectors';
import { SYSCTL_CONF_PATH } from '../../electron/contract';
import { settingWords } from './setting-words';

const onOff = (v: RuntimeValue | null) => (v === 1 ? 'On' : v === 0 ? 'Off' : 'Unknown');

/** The pending change in words, one line per setting, e.g. "IPv4 non-local bind: Off → On". */
export function describeChanges(system: AppState, request: ApplyRequest): string[] {
  const persistence = request.persistence;
  if (persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf') {
    const labels = system.settings.filter(
      (s) => persistence.settings === undefined || persistence.settings.includes(s.id),
    );
    const path =
      persistence.kind === 'unpersist'
        ? `${system.persistence.directory}/${persistence.fileName}`
        : SYSCTL_CONF_PATH;
    return [
      `Remove ${labels.map((s) => s.key).join(' and ')} from ${path}`,
      ...(persistence.resetRuntime
        ? labels.map(
            (s) =>
              `${settingWords(s.id, s.key).label}: ${onOff(currentValue(system, s.id))} → Off now`,
          )
        : []),
    ];
  }
  return system.settings.flatMap((setting) => {
    const wanted = request.values[setting.id];
    if (wanted === undefined) return [];
    const current = currentValue(system, setting.id);
    const change =
      current === wanted
        ? `${onOff(wanted)} now and at every boot`
        : `${onOff(current)} → ${onOff(wanted)}`;
    return [`${settingWords(setting.id, setting.key).label}: ${change}`];
  });
}
