import { select, t } from '@lingui/core/macro';
import type { AppState, ApplyRequest, RuntimeValue } from '../../electron/contract';
import { currentValue } from './state/selectors';
import { SYSCTL_CONF_PATH } from '../../electron/contract';
import { settingWords } from './setting-words';
import { formatList } from './i18n/format';

/** The value as a select key: each message words it itself ("On", "Off", "Unknown"). */
const stateOf = (v: RuntimeValue | null): 'on' | 'off' | 'unknown' =>
  v === 1 ? 'on' : v === 0 ? 'off' : 'unknown';

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
    const keys = formatList(labels.map((s) => s.key));
    return [
      t`Remove ${keys} from ${path}`,
      ...(persistence.resetRuntime
        ? labels.map((s) => {
            const label = settingWords(s.id, s.key).label;
            const current = stateOf(currentValue(system, s.id));
            return t`${label}: ${select(current, { on: 'On', off: 'Off', other: 'Unknown' })} → Off now`;
          })
        : []),
    ];
  }
  return system.settings.flatMap((setting) => {
    const wanted = request.values[setting.id];
    if (wanted === undefined) return [];
    const label = settingWords(setting.id, setting.key).label;
    const current = currentValue(system, setting.id);
    const from = stateOf(current);
    const to = stateOf(wanted);
    return [
      current === wanted
        ? t`${label}: ${select(to, { on: 'On', off: 'Off', other: 'Unknown' })} now and at every boot`
        : t`${label}: ${select(from, { on: 'On', off: 'Off', other: 'Unknown' })} → ${select(to, { on: 'On', off: 'Off', other: 'Unknown' })}`,
    ];
  });
}
