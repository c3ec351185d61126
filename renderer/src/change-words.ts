import type { AppState, RuntimeValue, SettingId } from '../../electron/contract';
import { currentValue, type PersistenceChoice } from './state/app-reducer';

const onOff = (v: RuntimeValue | null) => (v === 1 ? 'on' : v === 0 ? 'off' : 'unknown');

/** The pending change in words, one line per setting, e.g. "IPv4 non-local bind: off → on, this session only". */
export function describeChanges(
  system: AppState,
  values: Partial<Record<SettingId, RuntimeValue>>,
  persistence: PersistenceChoice,
  filePath: string,
  resetRuntime: boolean,
): string[] {
  if (persistence === 'unpersist') {
    const lines = [
      `Stop persisting: remove both keys from ${filePath} (the file is deleted if nothing else is left in it)`,
    ];
    if (resetRuntime) lines.push('Turn both settings off now');
    return lines;
  }
  const scope =
    persistence === 'runtime' ? 'this session only' : `now and at every boot (${filePath})`;
  return system.settings.flatMap((setting) => {
    const wanted = values[setting.id];
    if (wanted === undefined) return [];
    const current = currentValue(system, setting.id);
    const change =
      current === wanted ? `stays ${onOff(wanted)}` : `${onOff(current)} → ${onOff(wanted)}`;
    return [`${setting.label}: ${change}, ${scope}`];
  });
}
