import type { RuntimeReading, SettingState } from '../../electron/contract';

export type Tone = 'on' | 'off' | 'warning' | 'unavailable';

export interface RuntimeWords {
  readonly tone: Tone;
  /** Short value shown next to the switch. */
  readonly value: string;
  /** One plain-words sentence about what this means right now. */
  readonly sentence: string;
}

/** Turns a reading into the words a desktop user sees; every reason gets its own sentence. */
export function describeRuntime(
  setting: Pick<SettingState, 'family' | 'procPath'>,
  reading: RuntimeReading,
): RuntimeWords {
  const family = setting.family;
  switch (reading.kind) {
    case 'value':
      return reading.value === 1
        ? {
            tone: 'on',
            value: 'On',
            sentence: `On: processes may bind to ${family} addresses this computer doesn't have.`,
          }
        : {
            tone: 'off',
            value: 'Off',
            sentence: `Off: processes can only bind to ${family} addresses this computer already has.`,
          };
    case 'unexpected':
      return {
        tone: 'warning',
        value: 'Unexpected',
        sentence: `The kernel reports "${reading.raw.trim() || '(empty)'}" in ${setting.procPath}. Only 0 (off) and 1 (on) are meaningful; any other non-zero number also turns it on.`,
      };
    case 'unavailable':
      switch (reading.reason) {
        case 'ipv6-absent':
          return {
            tone: 'unavailable',
            value: 'Not available',
            sentence:
              'IPv6 is turned off or not built into this kernel (/proc/sys/net/ipv6 is missing), so there is nothing to set.',
          };
        case 'permission-denied':
          return {
            tone: 'unavailable',
            value: 'Cannot read',
            sentence: `This account is not allowed to read ${setting.procPath}.`,
          };
        case 'not-linux':
          return {
            tone: 'unavailable',
            value: 'Not available',
            sentence: 'This setting exists only on Linux.',
          };
        case 'key-missing':
          return {
            tone: 'unavailable',
            value: 'Not available',
            sentence: `This kernel has no ${setting.procPath}; it may be too old or built without this option.`,
          };
        case 'read-error':
          return {
            tone: 'unavailable',
            value: 'Cannot read',
            sentence: `Reading the value failed: ${reading.detail}`,
          };
      }
  }
}
