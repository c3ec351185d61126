import { select, t } from '@lingui/core/macro';
import type { EngineBoot, RuntimeValue, SettingBoot } from '../../electron/contract';

/** Command names, never translated: placeholders (the backticks draw them as code). */
const systemdSysctl = 'systemd-sysctl';
const sysctlSystem = '`sysctl --system`';

/** The value as a select key: the messages choose their own word for it. */
const stateOf = (value: RuntimeValue | null): 'on' | 'off' | 'unknown' =>
  value === null ? 'unknown' : value === 1 ? 'on' : 'off';

/** "on" / "off" as the kernel will hold it (the backend models the kernel's own parser). */
export function bootValueWord(boot: EngineBoot): string {
  if (boot.unpredictable)
    return t({ message: 'cannot be predicted', comment: 'the value a setting will have at boot' });
  return boot.effective === 1
    ? t({ message: 'on', comment: 'the value a setting will have at boot' })
    : t({ message: 'off', comment: 'the value a setting will have at boot' });
}

/** "off (set by /etc/sysctl.conf, line 12)" or "off (no file sets it: kernel default)". */
export function describeEngineBoot(boot: EngineBoot): string {
  if (boot.unpredictable) {
    const path = boot.unpredictable.path;
    return t`cannot be predicted (${path})`;
  }
  const value = stateOf(boot.effective);
  if (boot.winner) {
    const { path, line } = boot.winner;
    return select(value, {
      on: `on (set by ${path}, line ${line})`,
      other: `off (set by ${path}, line ${line})`,
    });
  }
  return boot.assignments.length > 0
    ? select(value, {
        on: 'on (the kernel rejects every value the files set: kernel default)',
        other: 'off (the kernel rejects every value the files set: kernel default)',
      })
    : select(value, {
        on: 'on (no file sets it: kernel default)',
        other: 'off (no file sets it: kernel default)',
      });
}

/** "Now: On · At boot: off (set by …)"; `now` is the running value's word. */
export function describeBootLine(now: string, boot: SettingBoot): string {
  const atBoot = describeEngineBoot(boot.systemd);
  return t`Now: ${now} · At boot: ${atBoot}`;
}

/** Plain words for the two engines disagreeing. */
export function describeDisagreement(boot: SettingBoot): string {
  const systemdLeaves = describeEngineBoot(boot.systemd);
  const procpsLeaves = describeEngineBoot(boot.procps);
  return t({
    message: `The two ways of loading these files disagree: at boot, ${systemdSysctl} leaves it ${systemdLeaves}, but running ${sysctlSystem} (as many guides and tools do) leaves it ${procpsLeaves}.`,
    comment:
      'systemdLeaves and procpsLeaves are a value with its reason, e.g. "off (set by FILE, line 3)"',
  });
}

export function describeDrift(now: RuntimeValue, boot: SettingBoot): string {
  const nowValue = stateOf(now);
  const bootValue = stateOf(boot.bootValue);
  const winner = boot.systemd.winner;
  if (winner) {
    const { path, line } = winner;
    return t`Now it is ${select(nowValue, { on: 'on', other: 'off' })}, but at boot it will be ${select(bootValue, { on: 'on', off: 'off', other: 'cannot be predicted' })}: ${path}, line ${line} sets it ${select(bootValue, { on: 'on', off: 'off', other: 'cannot be predicted' })} at boot.`;
  }
  return t`Now it is ${select(nowValue, { on: 'on', other: 'off' })}, but at boot it will be ${select(bootValue, { on: 'on', off: 'off', other: 'cannot be predicted' })}: no file keeps it ${select(nowValue, { on: 'on', other: 'off' })}, so the kernel default (off) comes back.`;
}

/**
 * What a restart would leave when the pending value is set for this session only: `after`,
 * the value the next boot sets instead (bar-selectors.ts finds which values are lost).
 */
export function describeLostAtRestart(
  label: string,
  after: RuntimeValue,
  boot: SettingBoot,
): string {
  const afterValue = stateOf(after);
  const winner = boot.systemd.winner;
  if (winner) {
    const { path, line } = winner;
    return t`At the next boot ${label} will be ${select(afterValue, { on: 'on', other: 'off' })} again: ${path}, line ${line} sets it.`;
  }
  return t`At the next boot ${label} will be ${select(afterValue, { on: 'on', other: 'off' })} again: no file keeps it.`;
}
