import { createInterface } from 'node:readline';
import { bundleForChild } from '../bundle';
import { createSandbox, type Sandbox } from '../sandbox';
import { CLASSES, type FuzzClass } from './fuzz-lines';
import { renderTree, resolveInTree, type RenderedTree } from './fuzz-render';
import { generateTree, type FuzzTree } from './fuzz-tree';
import { describeOwnNamespaces } from './namespace-guard';
import { KEYS, type RunnerJob, type RunnerResult } from './runner-protocol';

/**
 * The app's own differential test: seeded random trees laid onto the real paths
 * in throw-away namespaces, both real engines run, and the kernel's values
 * compared with the model's value and winning line.
 *
 * Each tree runs twice. As written, the kernel's value must equal the model's.
 * Tagged, every value the kernel may take is a number of its own, so the kernel's
 * value names the line that won, which must be the model's winner too.
 */
export interface Mismatch {
  readonly tree: string;
  readonly variant: 'as written' | 'tagged';
  readonly engine: 'systemd' | 'procps';
  readonly key: string;
  readonly what: string;
  readonly classes: readonly FuzzClass[];
}

export interface DifferentialReport {
  readonly seed: number;
  readonly trees: number;
  readonly engineRuns: number;
  /** Value comparisons (tree x variant x engine x key) and winner comparisons (tagged only). */
  readonly valueChecks: number;
  readonly winnerChecks: number;
  /** Comparisons where the model said "cannot predict" (each checked to have a cause). */
  readonly declined: number;
  /** Of those, the ones in tagged trees: winner comparisons the model declined. */
  readonly declinedWinnerChecks: number;
  readonly mismatches: readonly Mismatch[];
  /** Per class: how many trees had it, and how many of those had a mismatch. */
  readonly classes: Readonly<Record<string, { trees: number; treesWithMismatch: number }>>;
  readonly errors: readonly string[];
  readonly durationMs: number;
}

interface Job {
  readonly tree: FuzzTree;
  readonly variant: 'as written' | 'tagged';
  readonly rendered: RenderedTree;
}

/** Runs jobs through one runner process in one sandbox, one at a time. */
async function startWorker(runner: string): Promise<{
  run: (job: RunnerJob) => Promise<RunnerResult>;
  dispose: () => Promise<void>;
  sandbox: Sandbox;
}> {
  const sandbox = await createSandbox();
  const child = sandbox.spawn(process.execPath, [runner], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NB_OUTSIDE_NAMESPACES: describeOwnNamespaces() },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const waiting: ((r: RunnerResult) => void)[] = [];
  const failed: ((e: Error) => void)[] = [];
  if (!child.stdout || !child.stdin) throw new Error('runner has no pipes');
  createInterface({ input: child.stdout }).on('line', (line) => {
    failed.shift();
    waiting.shift()?.(JSON.parse(line) as RunnerResult);
  });
  let exited: Error | null = null;
  child.on('exit', (code) => {
    exited = new Error(`runner exited (${code}): ${stderr}`);
    waiting.splice(0);
    for (const fail of failed.splice(0)) fail(exited);
  });
  const stdin = child.stdin;
  return {
    sandbox,
    run: (job) =>
      new Promise((resolve, reject) => {
        if (exited) return reject(exited);
        waiting.push(resolve);
        failed.push(reject);
        stdin.write(`${JSON.stringify(job)}\n`);
      }),
    dispose: async () => {
      stdin.end();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      await sandbox.dispose();
    },
  };
}

/**
 * Which tree classes give cause for each "cannot predict" code: the model may
 * decline only where the app's own limits or the locale leave it blind, never on
 * an ordinary tree (that would be a silent way to pass).
 */
const CAUSES: Readonly<Record<string, (classes: readonly FuzzClass[]) => boolean>> = {
  device: (c) => c.includes(CLASSES.device),
  'too-large': (c) => c.includes(CLASSES.readerCap),
  'too-many-files': (c) => c.includes(CLASSES.readerCap),
  'locale-dependent-glob': (c) =>
    c.includes(CLASSES.nameGlob) && (c.includes(CLASSES.notUtf8) || c.includes(CLASSES.byteOrder)),
};

interface Counts {
  winnerChecks: number;
  declined: number;
  /** Declined in tagged trees: the winner comparisons not made. */
  declinedTagged: number;
}

function compare(job: Job, result: RunnerResult, mismatches: Mismatch[], counts: Counts): void {
  if ('error' in result) throw new Error(`${job.tree.id} (${job.variant}): ${result.error}`);
  for (const engine of ['systemd', 'procps'] as const) {
    const run = result.actual[engine];
    KEYS.forEach((key, k) => {
      const predicted = result.predicted[engine][k];
      const miss = (what: string) =>
        mismatches.push({
          tree: job.tree.id,
          variant: job.variant,
          engine,
          key,
          what,
          classes: job.tree.classes,
        });
      if (!predicted) return miss('no prediction');
      if (predicted.unpredictable !== null) {
        counts.declined += 1;
        if (job.variant === 'tagged') counts.declinedTagged += 1;
        if (!CAUSES[predicted.unpredictable]?.(job.tree.classes))
          miss(`model cannot predict (${predicted.unpredictable}) where the tree gives no cause`);
        return;
      }
      const actual = run?.values[k];
      if (!run || actual === undefined) return miss('no result');
      if (predicted.hangs !== run.hung)
        miss(
          `engine ${run.hung ? 'blocked on a FIFO' : 'ran to its end'}, model says ${predicted.hangs ? 'it blocks' : 'it runs'}`,
        );
      if ((predicted.stored ?? 0) !== actual)
        miss(`kernel ${actual}, model ${predicted.stored ?? 'untouched (0)'}`);
      if (job.variant !== 'tagged') return;
      counts.winnerChecks += 1;
      const expected = actual === 0 ? null : job.rendered.tags.get(actual);
      if (expected === undefined) return miss(`kernel ${actual} is no tag of this tree`);
      const model = predicted.winner
        ? {
            path: resolveInTree(job.rendered.entries, predicted.winner.path),
            line: predicted.winner.line,
          }
        : null;
      if (JSON.stringify(model) !== JSON.stringify(expected))
        miss(`winner: kernel says ${JSON.stringify(expected)}, model ${JSON.stringify(model)}`);
    });
  }
}

/** Runs jobs on the real engines in `workers` sandboxes, results in job order. */
export async function runOnRealEngines(
  jobs: readonly RunnerJob[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<(RunnerResult | { readonly id: string; readonly error: string })[]> {
  const runner = await bundleForChild('test/harness/engine-fuzz/runner-cli.ts');
  const started = await Promise.all(Array.from({ length: workers }, () => startWorker(runner)));
  const results: (RunnerResult | { id: string; error: string })[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      started.map(async (worker) => {
        while (next < jobs.length) {
          const index = next;
          next += 1;
          const job = jobs[index] as RunnerJob;
          try {
            results[index] = await worker.run(job);
          } catch (error) {
            results[index] = { id: job.id, error: String(error) };
          }
          done += 1;
          onProgress?.(done, jobs.length);
        }
      }),
    );
  } finally {
    await Promise.all(started.map((w) => w.dispose()));
  }
  return results;
}

export async function runDifferential(options: {
  readonly seed: number;
  readonly trees: number;
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
}): Promise<DifferentialReport> {
  const started = performance.now();
  const jobs: Job[] = [];
  const trees: FuzzTree[] = [];
  for (let i = 0; i < options.trees; i += 1) {
    const tree = generateTree(options.seed, i);
    trees.push(tree);
    jobs.push({ tree, variant: 'as written', rendered: renderTree(tree, false) });
    jobs.push({ tree, variant: 'tagged', rendered: renderTree(tree, true) });
  }
  const results = await runOnRealEngines(
    jobs.map((job) => ({ id: job.tree.id, entries: job.rendered.entries })),
    options.workers,
    options.onProgress,
  );
  const mismatches: Mismatch[] = [];
  const errors: string[] = [];
  const counts: Counts = { winnerChecks: 0, declined: 0, declinedTagged: 0 };
  jobs.forEach((job, i) => {
    try {
      compare(job, results[i] as RunnerResult, mismatches, counts);
    } catch (error) {
      errors.push(String(error));
    }
  });
  const classes: Record<string, { trees: number; treesWithMismatch: number }> = {};
  for (const name of Object.values(CLASSES)) classes[name] = { trees: 0, treesWithMismatch: 0 };
  const bad = new Set(mismatches.map((m) => m.tree));
  for (const tree of trees) {
    for (const c of tree.classes) {
      const entry = classes[c];
      if (!entry) continue;
      entry.trees += 1;
      if (bad.has(tree.id)) entry.treesWithMismatch += 1;
    }
  }
  return {
    seed: options.seed,
    trees: options.trees,
    engineRuns: jobs.length * 2,
    valueChecks: jobs.length * 2 * KEYS.length - counts.declined,
    winnerChecks: counts.winnerChecks,
    declined: counts.declined,
    declinedWinnerChecks: counts.declinedTagged,
    mismatches,
    classes,
    errors,
    durationMs: Math.round(performance.now() - started),
  };
}
