import type { BootConflict, BootEngine, SettingId } from '../contract';
import { resolveForEngine } from './precedence';
import type { StepPlan } from './privileged-step';
import { SETTINGS } from './settings';
import { parseSysctlText } from './sysctl-syntax';
import { compareNames, SYSCTL_CONF, type SourceFile, type SysctlSources } from './sysctl-sources';

const ENGINE_WORDS: Record<BootEngine, string> = {
  systemd: 'At boot (systemd-sysctl)',
  procps: 'With `sysctl --system` (procps)',
};

/** The sources as they would be after the planned file write. */
function withPlannedFile(
  sources: SysctlSources,
  plan: StepPlan,
  unchangedTarget: string | null,
): { sources: SysctlSources; target: string } | null {
  if (plan.file.op === 'none') return unchangedTarget ? { sources, target: unchangedTarget } : null;
  if (plan.file.op === 'delete') return null;
  const assignments = parseSysctlText(plan.file.content).flatMap((p) =>
    p.kind === 'assignment'
      ? [{ key: p.key, value: p.value, line: p.line.number, isGlob: p.isGlob }]
      : [],
  );
  if (plan.file.op === 'write-conf') {
    const conf: SourceFile = {
      dir: '/etc',
      name: 'sysctl.conf',
      path: SYSCTL_CONF,
      masked: false,
      linkTarget: null,
      readable: true,
      assignments,
    };
    // The usual 99-sysctl.conf link reads the same file under systemd.
    const directories = new Map(
      [...sources.directories].map(([dir, files]) => [
        dir,
        files.map((f) =>
          f.linkTarget !== null &&
          /(^|\/)sysctl\.conf$/.test(f.linkTarget) &&
          dir === '/etc/sysctl.d'
            ? { ...f, readable: true, assignments }
            : f,
        ),
      ]),
    );
    return { sources: { ...sources, directories, sysctlConf: conf }, target: SYSCTL_CONF };
  }
  const name = plan.file.name;
  const path = `/etc/sysctl.d/${name}`;
  const etc = (sources.directories.get('/etc/sysctl.d') ?? []).filter((f) => f.name !== name);
  const file: SourceFile = {
    dir: '/etc/sysctl.d',
    name,
    path,
    masked: false,
    linkTarget: null,
    readable: true,
    assignments,
  };
  const directories = new Map(sources.directories);
  directories.set(
    '/etc/sysctl.d',
    [...etc, file].sort((a, b) => compareNames(a.name, b.name)),
  );
  return { sources: { ...sources, directories }, target: path };
}

function sameValue(written: string, wanted: '0' | '1'): boolean {
  const n = Number(written.trim());
  return Number.isInteger(n) && (n === 0 ? '0' : '1') === wanted;
}

/** A name in /etc/sysctl.d that sorts after every file that sets one of our keys. */
function laterName(sources: SysctlSources): string {
  const names = [...sources.directories.values()].flat().map((f) => f.name);
  let candidate = 'zz-nonlocal-bind.conf';
  while (names.some((n) => compareNames(n, candidate) >= 0)) candidate = `z${candidate}`;
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
): BootConflict[] {
  const after = withPlannedFile(sources, plan, unchangedTarget);
  if (!after) return [];
  const conflicts: BootConflict[] = [];
  for (const setting of SETTINGS) {
    const wanted = setting.id === 'ipv4' ? plan.ipv4 : plan.ipv6;
    if (wanted === '-') continue;
    for (const engine of ['systemd', 'procps'] as const) {
      const winner = resolveForEngine(after.sources, engine, setting.key).winner;
      // Another file applied later is harmless when it leaves the same value.
      if (!winner || winner.path === after.target || sameValue(winner.value, wanted)) continue;
      conflicts.push(
        describeConflict(setting.id, setting.label, engine, winner, wanted, after.target, sources),
      );
    }
  }
  return conflicts;
}

function describeConflict(
  id: SettingId,
  label: string,
  engine: BootEngine,
  winner: { path: string; line: number; value: string },
  wanted: '0' | '1',
  target: string,
  sources: SysctlSources,
): BootConflict {
  const message = `${ENGINE_WORDS[engine]}, ${winner.path} line ${winner.line} sets ${label} to ${winner.value} after ${target}, so your value ${wanted} would not stick.`;
  const winnerFile = [...sources.directories.values()].flat().find((f) => f.path === winner.path);
  const viaSysctlConf =
    winner.path === SYSCTL_CONF || (winnerFile?.linkTarget ?? '').endsWith('sysctl.conf');
  if (viaSysctlConf) {
    return {
      id,
      engine,
      message,
      suggestedFileName: null,
      suggestion: `Write it into /etc/sysctl.conf instead: the app changes only the line for this key there, which wins under both engines (no later file name can beat /etc/sysctl.conf under \`sysctl --system\`).`,
    };
  }
  if (winner.path.startsWith('/etc/sysctl.d/') && winnerFile && winnerFile.linkTarget === null) {
    return {
      id,
      engine,
      message,
      suggestedFileName: winnerFile.name,
      suggestion: `Write it into ${winner.path} instead: the app changes only that line and keeps every other byte of the file.`,
    };
  }
  const name = laterName(sources);
  return {
    id,
    engine,
    message,
    suggestedFileName: name,
    suggestion: `Use /etc/sysctl.d/${name}, which sorts after ${winner.path} and so is applied later by both engines.`,
  };
}
