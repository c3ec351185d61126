import { select, t } from '@lingui/core/macro';
import type { AlikeChange, RuntimeValue, SettingId } from '../../electron/contract';

/** How the UI names and explains one setting. */
export interface SettingWords {
  /** Short name: the switch's accessible name and the row's title. */
  readonly label: string;
  /** One sentence under the title: what the setting lets programs do. */
  readonly explanation: string;
}

/** The words of each catalogued setting, by its id (electron/system/settings.ts), at render time. */
const WORDS: Readonly<Record<SettingId, () => SettingWords>> = {
  ipv4: () => ({
    label: t({ message: 'IPv4 non-local bind', comment: 'name of the kernel setting' }),
    explanation: t`Lets programs listen on IPv4 addresses this computer does not have yet, such as a virtual IP held by another node.`,
  }),
  ipv6: () => ({
    label: t({ message: 'IPv6 non-local bind', comment: 'name of the kernel setting' }),
    explanation: t`Lets programs listen on IPv6 addresses this computer does not have yet, such as a virtual IP held by another node.`,
  }),
};

/**
 * The one lookup of a setting's words. A setting the catalogue has but these words lack
 * (a new entry, a test's catalogue) is shown by its key rather than not at all.
 */
export function settingWords(id: SettingId, key: string = id): SettingWords {
  const words = WORDS[id];
  return words ? words() : { label: key, explanation: key };
}

/** The value as a select key: each message words it itself. */
const stateOf = (v: RuntimeValue | null): 'on' | 'off' | 'unknown' =>
  v === 1 ? 'on' : v === 0 ? 'off' : 'unknown';

/** "IPv4 non-local bind: off → on now." or "… at boot: on, set in FILE (a new file)." */
export function alikeChangeWords(change: AlikeChange): string {
  const { label } = settingWords(change.id);
  const to = stateOf(change.to);
  if (change.when === 'now') {
    const from = stateOf(change.from);
    return t`${label}: ${select(from, { on: 'on', off: 'off', other: 'unknown' })} → ${select(to, { on: 'on', off: 'off', other: 'unknown' })} now.`;
  }
  const path = change.path;
  return change.newFile
    ? t`${label} at boot: ${select(to, { on: 'on', off: 'off', other: 'unknown' })}, set in ${path} (a new file).`
    : t`${label} at boot: ${select(to, { on: 'on', off: 'off', other: 'unknown' })}, set in ${path}.`;
}
