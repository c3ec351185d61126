import type { BootState, EngineBoot, RuntimeValue, SettingBoot, SettingState } from '../contract';
import { resolveForEngine, type Engine, type KeyResolution } from './precedence';
import type { SysctlSources } from './sysctl-sources';

function toEngineBoot(r: KeyResolution): EngineBoot {
  return {
    value: r.winner?.value ?? null,
    winner: r.winner ? { path: r.winner.path, line: r.winner.line } : null,
    assignments: r.assignments,
    globs: r.globs,
  };
}

/** 0 or 1 as the kernel will read it; a key nobody sets keeps the kernel default, 0. */
export function effectiveValue(boot: EngineBoot): RuntimeValue | null {
  if (boot.value === null) return 0;
  const n = Number(boot.value.trim());
  return Number.isInteger(n) && n >= 0 && n <= 255 ? (n === 0 ? 0 : 1) : null;
}

function runtimeValue(setting: SettingState): RuntimeValue | null {
  const r = setting.runtime;
  if (r.kind === 'value') return r.value;
  if (r.kind === 'unexpected')
    return /^\s*0+\s*$/.test(r.raw) ? 0 : /^\s*\d+\s*$/.test(r.raw) ? 1 : null;
  return null;
}

/** Per setting: the boot value under each engine, whether they disagree, and drift from now. */
export function computeBootState(
  sources: SysctlSources,
  settings: readonly SettingState[],
): BootState {
  return {
    problems: sources.problems,
    settings: settings.map((setting): SettingBoot => {
      const per = (engine: Engine) => toEngineBoot(resolveForEngine(sources, engine, setting.key));
      const systemd = per('systemd');
      const procps = per('procps');
      const bootValue = effectiveValue(systemd);
      const now = runtimeValue(setting);
      return {
        id: setting.id,
        systemd,
        procps,
        enginesDisagree: effectiveValue(systemd) !== effectiveValue(procps),
        drift: now !== null && bootValue !== null && now !== bootValue,
        bootValue,
      };
    }),
  };
}
