// `npm run mutation`: takes out each safety net of scripts/mutation/mutations.ts, one at a
// time, in a throw-away git worktree of HEAD (never in the working checkout, which others
// edit), runs the specs that should notice, and prints which ones did.
//
//   npm run mutation                       every mutation
//   npm run mutation -- fsync-temp lock    only these ids
//   npm run mutation -- --list             the catalogue
//   npm run mutation -- --check            only whether every anchor is still in HEAD
//
// Not part of `npm test`: about 40 Playwright runs, several minutes on a shared machine.
// A control run of the unmutated specs comes first: a spec that fails anyway would make
// every mutation look caught.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MUTATIONS, type Mutation } from './mutations';

const repo = path.resolve(import.meta.dirname, '..', '..');

interface SpecRun {
  readonly passed: number;
  readonly failed: number;
  readonly seconds: number;
}

type Outcome =
  | { readonly kind: 'caught' | 'survived'; readonly run: SpecRun }
  | { readonly kind: 'not-planted'; readonly why: string };

function git(args: readonly string[]): string {
  // Others commit in the same repository meanwhile: a held lock is waited out, a few times.
  for (let attempt = 1; ; attempt += 1) {
    const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    if (r.status === 0) return r.stdout;
    if (attempt >= 10 || !/\.lock\b/.test(r.stderr)) {
      throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    }
    spawnSync('sleep', ['1']);
  }
}

/** A detached worktree of HEAD with the repository's node_modules linked in. */
function withWorktree<T>(id: string, use: (dir: string) => T): T {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), `nb-mut-${id}-`)), 'tree');
  git(['worktree', 'add', '--detach', '--quiet', dir, 'HEAD']);
  try {
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    return use(dir);
  } finally {
    git(['worktree', 'remove', '--force', dir]);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

/** The text with every edit made, each of whose anchors must occur exactly once; else why not. */
function mutated(text: string, mutation: Mutation): { text: string } | { why: string } {
  let out = text;
  for (const edit of mutation.edits) {
    const count = out.split(edit.find).length - 1;
    if (count !== 1) return { why: `anchor found ${count} times: ${edit.find.slice(0, 60)}` };
    out = out.replace(edit.find, () => edit.replace);
  }
  return { text: out };
}

/** Plants the mutation in the worktree; null when planted, else why not. */
function plant(dir: string, mutation: Mutation): string | null {
  const file = path.join(dir, mutation.file);
  const result = mutated(readFileSync(file, 'utf8'), mutation);
  if ('why' in result) return result.why;
  writeFileSync(file, result.text);
  return null;
}

/** Runs the specs in the worktree; counts come from Playwright's JSON report. */
function runSpecs(dir: string, specs: readonly string[]): SpecRun {
  const report = path.join(dir, 'mutation-report.json');
  const started = Date.now();
  // The packaged helper the delegated-user specs install is the (mutated) step as
  // `npm run build` writes it, and a worktree has no dist/.
  const built = spawnSync('npx', ['tsx', 'scripts/packaging/write-polkit-files.ts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`cannot write the polkit files: ${built.stderr}`);
  const r = spawnSync('npx', ['playwright', 'test', ...specs, '--reporter=json'], {
    cwd: dir,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    encoding: 'utf8',
    // A planted bug may make a step hang; each spec's own test timeouts end that first.
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(report)) throw new Error(`no report from playwright: ${r.stderr.slice(-2000)}`);
  const stats = (JSON.parse(readFileSync(report, 'utf8')) as { stats: Record<string, number> })
    .stats;
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  const passed = stats.expected ?? 0;
  if (r.status !== 0 && failed === 0) throw new Error(`playwright failed to run: ${r.stderr}`);
  return { passed, failed, seconds };
}

function tryMutation(mutation: Mutation): Outcome {
  return withWorktree(mutation.id, (dir) => {
    const why = plant(dir, mutation);
    if (why !== null) return { kind: 'not-planted', why };
    const run = runSpecs(dir, mutation.specs);
    return { kind: run.failed > 0 ? 'caught' : 'survived', run };
  });
}

const argv = process.argv.slice(2);
if (argv.includes('--list')) {
  for (const m of MUTATIONS) console.log(`${m.id.padEnd(24)} ${m.net}`);
  process.exit(0);
}
if (argv.includes('--check')) {
  let missing = 0;
  for (const m of MUTATIONS) {
    const result = mutated(git(['show', `HEAD:${m.file}`]), m);
    if ('why' in result) {
      missing += 1;
      console.log(`${m.id}: ${result.why}`);
    }
  }
  console.log(`${MUTATIONS.length - missing} of ${MUTATIONS.length} mutations plant on HEAD`);
  process.exit(missing > 0 ? 1 : 0);
}
const unknown = argv.filter((id) => !MUTATIONS.some((m) => m.id === id));
if (unknown.length > 0) {
  console.error(`unknown mutation ids: ${unknown.join(', ')} (see --list)`);
  process.exit(2);
}
const chosen = argv.length > 0 ? MUTATIONS.filter((m) => argv.includes(m.id)) : MUTATIONS;
const specs = [...new Set(chosen.flatMap((m) => m.specs))];

console.log(
  `control: unmutated HEAD ${git(['rev-parse', '--short', 'HEAD']).trim()}, ${specs.length} spec files`,
);
const control = withWorktree('control', (dir) => runSpecs(dir, specs));
if (control.failed > 0) {
  console.error(`control run failed (${control.failed} failed): fix the specs before mutating`);
  process.exit(1);
}
console.log(`control: ${control.passed} passed in ${control.seconds} s\n`);

console.log('| mutation | net taken out | planted | caught | tests failed |');
console.log('| --- | --- | --- | --- | --- |');
const tally = { caught: 0, survived: 0, 'not-planted': 0 };
for (const mutation of chosen) {
  const outcome = tryMutation(mutation);
  tally[outcome.kind] += 1;
  const row =
    outcome.kind === 'not-planted'
      ? [mutation.id, mutation.net, `no (${outcome.why})`, '-', '-']
      : [
          mutation.id,
          mutation.net,
          'yes',
          outcome.kind === 'caught' ? 'yes' : '**NO**',
          `${outcome.run.failed}/${outcome.run.failed + outcome.run.passed} (${outcome.run.seconds} s)`,
        ];
  console.log(`| ${row.join(' | ')} |`);
}
console.log(
  `\n${chosen.length} mutations: ${tally.caught} caught, ${tally.survived} survived, ${tally['not-planted']} not planted`,
);
process.exit(tally.survived > 0 || tally['not-planted'] > 0 ? 1 : 0);
