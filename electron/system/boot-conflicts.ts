import path from 'node:path';
import type { BootConflict, BootEngine, ConflictCause, SettingId } from '../contract';
import { storedToEffective } from './boot-state';
import { predictBoot } from './engines/boot-model';
import { noteInEnglish, refusalInEnglish } from './engines/boot-note-english';
import { compareNameBytes } from './engines/byte-text';
import type { SysctlSources } from './engines/file-order';
import type { KeyOutcome } from './engines/key-outcome';
import type { StepPlan } from './privileged-step';
import { SETTINGS, type Catalogue } from './settings';
import type { SnapshotDirectory, SnapshotEntry } from './sysctl-snapshot';
import { SYSCTL_CONF } from './sysctl-sources';

const SYSCTL_D = '/etc/sysctl.d';

function plannedEntry(name: string, content: string, linkTarget: string | null): SnapshotEntry {
  return { name, kind: 'file', content: Buffer.from(content, 'utf8'), linkTarget };
}

/** Whether a link in `dir` points at /etc/sysctl.conf (Debian's 99-sysctl.conf -> ../sysctl.conf). */
function linksToSysctlConf(dir: string, entry: SnapshotEntry): boolean {
  const target = 'linkTarget' in entry ? entry.linkTarget : null;
  return target !== null && path.posix.resolve(dir, target) === SYSCTL_CONF;
}

/** The sources as they would be after the planned file write. */
function withPlannedFile(
  sources: SysctlSources,
  plan: StepPlan,
  unchangedTarget: string | null,
): { sources: SysctlSources; target: string } | null {
  if (plan.file.op === 'none') return unchangedTarget ? { sources, target: unchangedTarget } : null;
  if (plan.file.op === 'delete') return null;
  if (plan.file.op === 'write-conf') {
    const content = plan.file.content;
    // The usual 99-sysctl.conf link reads the same file under systemd.
    const directories = sources.directories.map((d) => ({
      ...d,
      entries: d.entries.map((e) =>
        linksToSysctlConf(d.dir, e) && 'linkTarget' in e
          ? plannedEntry(e.name, content, e.linkTarget)
          : e,
      ),
    }));
    return {
      sources: { ...sources, directories, sysctlConf: plannedEntry('sysctl.conf', content, null) },
      target: SYSCTL_CONF,
    };
  }
  const { name, content } = plan.file;
  const written = plannedEntry(name, content, null);
  const hasEtc = sources.directories.some((d) => d.dir === SYSCTL_D);
  const directories: SnapshotDirectory[] = hasEtc
    ? sources.directories.map((d) =>
        d.dir === SYSCTL_D
          ? { ...d, entries: [...d.entries.filter((e) => e.name !== name), written] }
          : d,
      )
    : [{ dir: SYSCTL_D, entries: [written] }, ...sources.directories];
  return { sources: { ...sources, directories }, target: `${SYSCTL_D}/${name}` };
}

/** A name in /etc/sysctl.d that sorts after every file name, by bytes as both engines sort. */
function laterName(sources: SysctlSources): string {
  const names = sources.directories.flatMap((d) => d.entries.map((e) => e.name));
  let candidate = 'zz-nonlocal-bind.conf';
  while (names.some((n) => compareNameBytes(n, candidate) >= 0)) candidate = `z${candidate}`;
  return candidate;
}

/**
 * Where a planned persistent value would not be what the engines leave at boot,
 * with the change that makes the user's value win under both engines.
 */
export function findBootConflicts(
  sources: SysctlSources,
  plan: StepPlan,
  /** The persistence target when the plan leaves it as it is (it already says the right thing). */
  unchangedTarget: string | null,
  catalogue: Catalogue = SETTINGS,
): BootConflict[] {
  const after = withPlannedFile(sources, plan, unchangedTarget);
  if (!after) return [];
  const prediction = predictBoot(after.sources, catalogue);
  const conflicts: BootConflict[] = [];
  for (const setting of catalogue) {
    const wanted = plan.values[setting.id];
    if (wanted === undefined) continue;
    for (const engine of ['systemd', 'procps'] as const) {
      const outcome = prediction[engine].get(setting.key);
      if (!outcome || String(storedToEffective(outcome.stored)) === wanted) continue;
      conflicts.push(
        describeConflict(setting.id, setting.key, engine, outcome, wanted, after.target, sources),
      );
    }
  }
  return conflicts;
}

/** The line that keeps the user's value from sticking, and what it does, as data. */
function culprit(outcome: KeyOutcome, target: string): ConflictCause {
  const winner = outcome.winner;
  if (winner && winner.origin.path !== target) {
    const { path: file, line } = winner.origin;
    return { kind: 'later-value', path: file, line, value: winner.value };
  }
  const last = outcome.writes[outcome.writes.length - 1];
  if (!winner && last && last.origin.path !== target && !last.kernel.accepted) {
    const { path: file, line } = last.origin;
    const { refusal } = last.kernel;
    const reason = refusalInEnglish(refusal);
    return { kind: 'rejected', path: file, line, value: last.value, reason, refusal };
  }
  if (outcome.cancelledBy) {
    const { path: file, line } = outcome.cancelledBy;
    return { kind: 'cancelled', path: file, line };
  }
  const noteData = outcome.noteData[0] ?? null;
  return { kind: 'note', note: noteData && noteInEnglish(noteData), noteData };
}

function describeConflict(
  id: SettingId,
  key: string,
  engine: BootEngine,
  outcome: KeyOutcome,
  wanted: '0' | '1',
  target: string,
  sources: SysctlSources,
): BootConflict {
  const cause = culprit(outcome, target);
  const base = { id, engine, key, wanted, target, cause };
  const where = cause.kind === 'note' ? null : cause.path;
  const dir = where ? path.posix.dirname(where) : null;
  const entry = sources.directories
    .find((d) => d.dir === dir)
    ?.entries.find((e) => where === `${dir}/${e.name}`);
  const viaSysctlConf =
    where === SYSCTL_CONF || (dir !== null && entry !== undefined && linksToSysctlConf(dir, entry));
  if (viaSysctlConf) return { ...base, suggestedFileName: null, fix: { kind: 'sysctl-conf' } };
  if (where && dir === SYSCTL_D && entry?.kind === 'file' && entry.linkTarget === null)
    return { ...base, suggestedFileName: entry.name, fix: { kind: 'edit-file', path: where } };
  const name = laterName(sources);
  return { ...base, suggestedFileName: name, fix: { kind: 'later-file', name, after: where } };
}
