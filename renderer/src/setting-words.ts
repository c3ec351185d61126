import type { AlikeChange, RuntimeValue, SettingId } from '../../electron/contract';

/** How the UI names and explains one setting. */
export interface SettingWords {
  /** Short name: the switch's accessible name and the row's title. */
  readonly label: string;
  /** One sentence under the title: what the setting lets programs do. */
  readonly explanation: string;
}

/** The words of each catalogued setting, by its id (electron/system/settings.ts). */
const WORDS: Readonly<Record<SettingId, SettingWords>> = {
  ipv4: {
    label: 'IPv4 non-local bind',
    explanation:
      'Lets programs listen on IPv4 addresses this computer does not have yet, such as a virtual IP held by another node.',
  },
  ipv6: {
    label: 'IPv6 non-local bind',
    explanation:
      'Lets programs listen on IPv6 addresses this computer does not have yet, such as a virtual IP held by another node.',
  },
};

/**
 * The one lookup of a setting's words. A setting the catalogue has but these words lack
 * (a new entry, a test's catalogue) is shown by its key rather than not at all.
 */
export function settingWords(id: SettingId, key: string = id): SettingWords {
  return WORDS[id] ?? { label: key, explanation: key };
}

const onOff = (v: RuntimeValue | null) => (v === 1 ? 'on' : v === 0 ? 'off' : 'unknown');

/** "IPv4 non-local bind: off → on now." or "… at boot: on, set in FILE (a new file)." */
export function alikeChangeWords(change: AlikeChange): string {
  const { label } = settingWords(change.id);
  return change.when === 'now'
    ? `${label}: ${onOff(change.from)} → ${onOff(change.to)} now.`
    : `${label} at boot: ${onOff(change.to)}, set in ${change.path}${change.newFile ? ' (a new file)' : ''}.`;
}
