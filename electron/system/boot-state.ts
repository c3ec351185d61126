import type { BootState, EngineBoot, RuntimeValue, SettingBoot, SettingState } from '../contract';
import { predictBootRemembered } from './engines/boot-memo';
import { noteInEnglish, refusalInEnglish } from './engines/boot-note-english';
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
      noteData: [],
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
      rejected: w.kernel.accepted ? null : refusalInEnglish(w.kernel.refusal),
      refusal: w.kernel.accepted ? null : w.kernel.refusal,
    })),
    globs: outcome.patterns.map((p) => ({ ...p.origin, value: p.value })),
    notes: outcome.noteData.map(noteInEnglish),
    noteData: outcome.noteData,
    unpredictable: outcome.unpredictable ? { ...outcome.unpredictable } : null,
  };
}

/**
 * The last states computed, each with its inputs. A refresh of an unchanged tree gets the
 * very objects of the last read back (the reader's confirmed answer, or its `same`), and
 * snapshots are never changed in place, so the same objects with the same running values
 * are the same state: nothing to predict or describe again. Any new object is a new
 * computation, so a change can never be hidden by this (a copy equal by value is merely
 * computed again; the boot model remembers its own answers by value, boot-memo.ts).
 * A few are kept: this computer and the nodes of the pair view are read together.
 */
interface Computed {
  readonly sources: SysctlSources;
  readonly settings: readonly SettingState[];
  readonly catalogue: Catalogue;
  readonly state: BootState;
}

const KEPT_STATES = 4;
const computed: Computed[] = [];

/** Every input the state is made of, by identity: the sources' fields and each value. */
function sameInputs(
  a: Computed,
  sources: SysctlSources,
  settings: readonly SettingState[],
  catalogue: Catalogue,
): boolean {
  const s = a.sources;
  if (a.catalogue !== catalogue || a.settings.length !== settings.length) return false;
  const sameSources =
    s.directories === sources.directories &&
    s.sysctlConf === sources.sysctlConf &&
    s.problems === sources.problems &&
    s.unlisted === sources.unlisted &&
    s.credential === sources.credential;
  return (
    sameSources &&
    a.settings.every((was, i) => {
      const now = settings[i];
      return now?.id === was.id && now.key === was.key && now.effective === was.effective;
    })
  );
}

/** Per setting: the boot value under each engine, whether they disagree, and drift from now. */
export function computeBootState(
  sources: SysctlSources,
  settings: readonly SettingState[],
  catalogue: Catalogue = SETTINGS,
): BootState {
  const at = computed.findIndex((c) => sameInputs(c, sources, settings, catalogue));
  const found = at >= 0 ? computed.splice(at, 1)[0] : undefined;
  const kept = found ?? {
    sources: inputsOf(sources),
    settings,
    catalogue,
    state: computeAfresh(sources, settings, catalogue),
  };
  computed.unshift(kept);
  computed.length = Math.min(computed.length, KEPT_STATES);
  return kept.state;
}

/** Only what the state reads is kept: not a caller's snapshot with its running values. */
function inputsOf(sources: SysctlSources): SysctlSources {
  const { directories, sysctlConf, problems, unlisted, credential } = sources;
  return { directories, sysctlConf, problems, unlisted, credential };
}

function computeAfresh(
  sources: SysctlSources,
  settings: readonly SettingState[],
  catalogue: Catalogue,
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
