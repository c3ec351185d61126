import { t } from '@lingui/core/macro';
import type { RuntimeReading, SettingState } from '../../electron/contract';

export type Tone = 'on' | 'off' | 'warning' | 'unavailable';

export interface RuntimeWords {
  readonly tone: Tone;
  /** Short value shown next to the switch. */
  readonly value: string;
  /** One plain-words sentence about what this means right now. */
  readonly sentence: string;
}

/** A path, never translated: a placeholder in the sentence that names it. */
const ipv6Dir = '/proc/sys/net/ipv6';

/** The short values beside the switch: states, not verbs, so translators get a comment. */
const notAvailable = () =>
  t({ message: 'Not available', comment: 'state of a kernel setting that does not exist here' });
const cannotRead = () =>
  t({ message: 'Cannot read', comment: 'state of a kernel setting whose value could not be read' });

/** Turns a reading into the words a desktop user sees; every reason gets its own sentence. */
export function describeRuntime(
  setting: Pick<SettingState, 'family' | 'procPath'>,
  reading: RuntimeReading,
): RuntimeWords {
  const { family, procPath } = setting;
  switch (reading.kind) {
    case 'value':
      return reading.value === 1
        ? {
            tone: 'on',
            value: t({ message: 'On', comment: 'state of a kernel setting' }),
            sentence: t`On: processes may bind to ${family} addresses this computer doesn't have.`,
          }
        : {
            tone: 'off',
            value: t({ message: 'Off', comment: 'state of a kernel setting' }),
            sentence: t`Off: processes can only bind to ${family} addresses this computer already has.`,
          };
    case 'unexpected': {
      const raw =
        reading.raw.trim() ||
        t({ message: '(empty)', comment: 'the kernel file held no text at all' });
      return {
        tone: 'warning',
        value: t({ message: 'Unexpected', comment: 'state of a kernel setting: an odd value' }),
        sentence: t`The kernel reports "${raw}" in ${procPath}. Only 0 (off) and 1 (on) are meaningful; any other non-zero number also turns it on.`,
      };
    }
    case 'unavailable':
      switch (reading.reason) {
        case 'ipv6-absent':
          return {
            tone: 'unavailable',
            value: notAvailable(),
            sentence: t`IPv6 is turned off or not built into this kernel (${ipv6Dir} is missing), so there is nothing to set.`,
          };
        case 'permission-denied':
          return {
            tone: 'unavailable',
            value: cannotRead(),
            sentence: t`This account is not allowed to read ${procPath}.`,
          };
        case 'not-linux':
          return {
            tone: 'unavailable',
            value: notAvailable(),
            sentence: t`This setting exists only on Linux.`,
          };
        case 'key-missing':
          return {
            tone: 'unavailable',
            value: notAvailable(),
            sentence: t`This kernel has no ${procPath}; it may be too old or built without this option.`,
          };
        case 'read-error': {
          const detail = reading.detail;
          return {
            tone: 'unavailable',
            value: cannotRead(),
            sentence: t`Reading the value failed: ${detail}`,
          };
        }
      }
  }
}
