import type { BootState, EngineBoot, RuntimeValue, SettingBoot, SettingState } from '../contract';
import { predictBootRemembered } from './engines/boot-memo';
import { SETTINGS, type Catalogue } from './settings';
import type { SysctlSources } from './engines/file-order';
import type { KeyOutcome } from './engines/key-outcome';
import { describeSourceProblems } from './engines/source-problems';

/** On/off as the kernel holds a stored number; nothing written keeps the default, 0. */
export function storedToEffective(stored: number | null): RuntimeValue {
  return stored !== null && stored !== 0 ? 1 : 0;
}

function toEngineBoot(outcome: KeyOutcome | undefined): EngineBoot {
  if (!outcome) {
    return {
      value: null,
      winner: null,
      effective: 0,
      assignments: [],
      globs: [],
      notes: [],
      unpredictable: null,
    };
  }
  const winner = outcome.winner;
  return {
    value: winner?.value ?? null,
    winner: winner ? { ...winner.origin } : null,
    effective: storedToEffective(outcome.stored),
    assignments: outcome.writes.map((w) => ({
      ...w.origin,
      value: w.value,
      pattern: w.pattern,
      rejected: w.kernel.accepted ? null : w.kernel.reason,
    })),
    globs: outcome.patterns.map((p) => ({ ...p.origin, value: p.value })),
    notes: outcome.notes,
    unpredictable: outcome.unpredictable ? { ...outcome.unpredictable } : null,
  };
}

/** Per setting: the boot value under each engine, whether they disagree, and drift from now. */
export function computeBootState(
  sources: SysctlSources,
  settings: readonly SettingState[],
  catalogue: Catalogue = SETTINGS,
): BootState {
  const prediction = predictBootRemembered(sources, catalogue);
  return {
    problems: describeSourceProblems(sources),
    settings: settings.map((setting): SettingBoot => {
      const systemd = toEngineBoot(prediction.systemd.get(setting.key));
      const procps = toEngineBoot(prediction.procps.get(setting.key));
      const now = setting.effective;
      // Where the app cannot tell, it claims neither a disagreement nor a drift.
      const known = !systemd.unpredictable && !procps.unpredictable;
      const bootValue = systemd.unpredictable ? null : systemd.effective;
      return {
        id: setting.id,
        systemd,
        procps,
        enginesDisagree: known && systemd.effective !== procps.effective,
        drift: now !== null && bootValue !== null && now !== bootValue,
        bootValue,
      };
    }),
  };
}
