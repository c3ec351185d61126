import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { checkContentChange, MAX_FILE_BYTES } from '../../../electron/system/step-content-rule';
import { NAMES, nextCase, seededRng, SYSCTL_CONF, SYSCTL_D, type Files } from './cases';
import { violation } from './oracle';

/**
 * Runs inside a sandbox as the delegated user: calls the installed helper through real pkexec
 * with each case, reads every sysctl file before and after, and prints one JSON summary.
 * Usage: node driver.mjs HELPER SEED COUNT
 */

const LATER_DIRS = [
  '/run/sysctl.d',
  '/usr/local/lib/sysctl.d',
  '/usr/lib/sysctl.d',
  '/lib/sysctl.d',
];
/** One step under pkexec takes well under a second; a hung one is a finding, not a wait. */
const STEP_TIMEOUT_MS = 60_000;

function snapshot(): Map<string, Buffer | null> {
  const files = new Map<string, Buffer | null>();
  const names = new Set([...NAMES, ...readdirSync(SYSCTL_D)]);
  for (const name of names) files.set(`${SYSCTL_D}/${name}`, readRegular(`${SYSCTL_D}/${name}`));
  files.set(SYSCTL_CONF, readRegular(SYSCTL_CONF));
  return files;
}

function readRegular(path: string): Buffer | null {
  try {
    const st = lstatSync(path);
    return st.isFile() ? readFileSync(path) : Buffer.from(`(not a regular file: ${st.mode})`);
  } catch {
    return null;
  }
}

function same(a: Buffer | null | undefined, b: Buffer | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return a.equals(b);
}

const hidesLater = (path: string) =>
  path.startsWith(`${SYSCTL_D}/`) &&
  LATER_DIRS.some((d) => existsSync(`${d}/${path.slice(SYSCTL_D.length + 1)}`));

export interface FuzzSummary {
  readonly cases: number;
  readonly accepted: number;
  readonly byStatus: Record<string, number>;
  readonly byKind: Record<string, { sent: number; accepted: number }>;
  /** Changes outside the two settings, or a refused case that changed a file. Must stay empty. */
  readonly violations: string[];
  /** Well-formed cases where the step and the planner's rule disagreed. Must stay empty. */
  readonly disagreements: string[];
}

function run(helper: string, seed: number, count: number): FuzzSummary {
  const rng = seededRng(seed);
  const summary = {
    cases: 0,
    accepted: 0,
    byStatus: {} as Record<string, number>,
    byKind: {} as Record<string, { sent: number; accepted: number }>,
    violations: [] as string[],
    disagreements: [] as string[],
  };
  for (let i = 0; i < count; i += 1) {
    const before: Files = snapshot();
    const c = nextCase(rng, before);
    const r = spawnSync('/usr/bin/pkexec', ['--disable-internal-agent', helper, ...c.args], {
      timeout: STEP_TIMEOUT_MS,
      encoding: 'utf8',
    });
    const status = r.status ?? -1;
    const after = snapshot();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (p) => !same(before.get(p), after.get(p)),
    );
    const where = `case ${i} (${c.kind}, ${JSON.stringify(c.args.slice(0, 6))})`;
    summary.cases += 1;
    summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
    const kind = (summary.byKind[c.kind] ??= { sent: 0, accepted: 0 });
    kind.sent += 1;
    if (status !== 0) {
      if (changed.length > 0)
        summary.violations.push(`${where}: refused (${status}) but changed ${changed.join(', ')}`);
    } else {
      summary.accepted += 1;
      kind.accepted += 1;
      for (const path of changed) {
        if (path !== c.target) summary.violations.push(`${where}: changed ${path}, not its target`);
        const v = violation(before.get(path) ?? null, after.get(path) ?? null);
        if (v) summary.violations.push(`${where}: ${path}: ${v}`);
        if (before.get(path) == null && hidesLater(path))
          summary.violations.push(`${where}: created ${path}, hiding a later directory's file`);
        if (after.get(path) == null && hidesLater(path))
          summary.violations.push(`${where}: deleted ${path}, uncovering a later directory's file`);
      }
    }
    if (c.target !== null && c.wanted !== undefined && (status === 0 || status === 77)) {
      const old = before.get(c.target) ?? null;
      const rule = checkContentChange(
        old === null ? null : old.toString('latin1'),
        c.wanted === null ? null : c.wanted.toString('latin1'),
      );
      const hides = (c.wanted === null ? old !== null : old === null) && hidesLater(c.target);
      const tooLarge = c.wanted !== null && c.wanted.length > MAX_FILE_BYTES;
      const refuse = !rule.ok || hides || tooLarge;
      if (refuse !== (status === 77)) {
        summary.disagreements.push(
          `${where}: step ${status}, rule ${rule.ok ? 'ok' : rule.error.code}: ${r.stderr.slice(0, 300)}`,
        );
      }
    }
  }
  return summary;
}

const [helper, seed, count] = process.argv.slice(2);
if (!helper || !seed || !count) {
  process.stderr.write('usage: driver HELPER SEED COUNT\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(run(helper, Number(seed), Number(count)))}\n`);
