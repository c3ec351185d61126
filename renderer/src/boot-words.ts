import type { EngineBoot, FileLine, RuntimeValue, SettingBoot } from '../../electron/contract';

const where = (w: FileLine) => `${w.path}, line ${w.line}`;

/** "on" / "off" as the kernel will hold it (the backend models the kernel's own parser). */
export function bootValueWord(boot: EngineBoot): string {
  if (boot.unpredictable) return 'cannot be predicted';
  return boot.effective === 1 ? 'on' : 'off';
}

/** "off (set by /etc/sysctl.conf, line 12)" or "off (no file sets it: kernel default)". */
export function describeEngineBoot(boot: EngineBoot): string {
  if (boot.unpredictable) return `${bootValueWord(boot)} (${boot.unpredictable.path})`;
  if (boot.winner) return `${bootValueWord(boot)} (set by ${where(boot.winner)})`;
  return boot.assignments.length > 0
    ? `${bootValueWord(boot)} (the kernel rejects every value the files set: kernel default)`
    : `${bootValueWord(boot)} (no file sets it: kernel default)`;
}

export function describeBootLine(now: string, boot: SettingBoot): string {
  return `Now: ${now} · At boot: ${describeEngineBoot(boot.systemd)}`;
}

/** Plain words for the two engines disagreeing. */
export function describeDisagreement(boot: SettingBoot): string {
  return `The two ways of loading these files disagree: at boot, systemd-sysctl leaves it ${describeEngineBoot(boot.systemd)}, but running \`sysctl --system\` (as many guides and tools do) leaves it ${describeEngineBoot(boot.procps)}.`;
}

export function describeDrift(now: RuntimeValue, boot: SettingBoot): string {
  const nowWord = now === 1 ? 'on' : 'off';
  const bootWord =
    boot.bootValue === null ? 'cannot be predicted' : boot.bootValue === 1 ? 'on' : 'off';
  const cause = boot.systemd.winner
    ? `${where(boot.systemd.winner)} sets it ${bootWord} at boot`
    : `no file keeps it ${nowWord}, so the kernel default (off) comes back`;
  return `Now it is ${nowWord}, but at boot it will be ${bootWord}: ${cause}.`;
}

/** What a restart would leave when the pending value is set for this session only. */
export function describeLostAtRestart(
  label: string,
  wanted: RuntimeValue,
  boot: SettingBoot,
): string | null {
  const after = boot.bootValue;
  if (after === null || after === wanted) return null;
  const cause = boot.systemd.winner ? `${where(boot.systemd.winner)} sets it` : 'no file keeps it';
  return `At the next boot ${label} will be ${after === 1 ? 'on' : 'off'} again: ${cause}.`;
}
