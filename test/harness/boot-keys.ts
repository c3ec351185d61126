import type { BootKey } from '../../electron/system/engines/kernel-value';
import { SETTINGS } from '../../electron/system/settings';

/** The catalogue's entries for these keys, in this order, as the boot model takes them. */
export function bootKeys(...keys: readonly string[]): BootKey[] {
  return keys.map((key) => {
    const setting = SETTINGS.find((s) => s.key === key);
    if (!setting) throw new Error(`${key} is not in the catalogue`);
    return setting;
  });
}
