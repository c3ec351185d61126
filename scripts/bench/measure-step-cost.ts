import { applyCli } from '../../test/harness/apply-child';
import type { Sandbox } from '../../test/harness/sandbox';
import { BENCH_USER, createBenchPolkitSandbox } from './bench-polkit-user';
import { median, round } from './stats';

const TRACE = '/etc/nb-bench-trace';

/**
 * Milliseconds of one `pkexec --disable-internal-agent /bin/true` by the bench user: bash's
 * clock (a builtin) read right before and after, so no `date` process is counted with it.
 */
export function timePkexecTrue(sandbox: Sandbox): number {
  const r = sandbox.run(
    'setpriv',
    [
      ...['--reuid', BENCH_USER, '--regid', BENCH_USER, '--init-groups', '--reset-env'],
      ...[
        'bash',
        '-c',
        's=$EPOCHREALTIME; pkexec --disable-internal-agent /bin/true; e=$EPOCHREALTIME; echo $((${e/./} - ${s/./}))',
      ],
    ],
    { timeoutMs: 30_000 },
  );
  return Number(r.stdout.trim()) / 1000;
}

/**
 * Processes one Apply starts (fork/vfork/clone without CLONE_THREAD, across the whole
 * chain: Node's exec shell, pkexec, bash, the step and its tools), counted with strace -f.
 */
async function countProcesses(sandbox: Sandbox, request: object): Promise<number> {
  const cli = await applyCli();
  sandbox.run('rm', ['-f', TRACE]);
  sandbox.run(
    'strace',
    [
      ...['-f', '-qq', '-e', 'trace=fork,vfork,clone,clone3', '-o', TRACE],
      ...['setpriv', '--reuid', BENCH_USER, '--regid', BENCH_USER, '--init-groups', '--reset-env'],
      ...[process.execPath, cli, JSON.stringify(request)],
    ],
    { timeoutMs: 60_000, cwd: '/' },
  );
  return countForks(sandbox.readText(TRACE));
}

/**
 * Process creations in an `strace -f` log: fork, vfork and clone without CLONE_THREAD that
 * returned a child. With -f a call interrupted by another process's line is split into
 * "<unfinished ...>" and "<... clone resumed> … = PID": the result is on the second line, so
 * each pid's unfinished call is remembered until it resumes (counting only whole lines
 * missed every split call, about half of them).
 */
export function countForks(trace: string): number {
  const unfinished = new Map<string, boolean>();
  let count = 0;
  const returnedChild = (rest: string) => /= [1-9]\d*$/.test(rest.trim());
  for (const line of trace.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid = '', rest = ''] = match;
    if (/^(fork|vfork|clone3?)\(/.test(rest)) {
      const isProcess = !rest.includes('CLONE_THREAD');
      if (rest.includes('<unfinished ...>')) unfinished.set(pid, isProcess);
      else if (isProcess && returnedChild(rest)) count += 1;
    } else if (/^<\.\.\. (fork|vfork|clone3?) resumed>/.test(rest) && unfinished.has(pid)) {
      if (unfinished.get(pid) && returnedChild(rest)) count += 1;
      unfinished.delete(pid);
    }
  }
  return count;
}

/**
 * The privileged step's cost against the cheapest possible elevation, in one sandbox and
 * one polkit setup: pkexec running /bin/true (the floor any elevated Apply pays), and the
 * number of processes a runtime-only and a persisting Apply start.
 */
export async function measureStepCost(runs: number) {
  const bench = await createBenchPolkitSandbox();
  const { sandbox } = bench;
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(timePkexecTrue(sandbox));
    const runtime = await countProcesses(sandbox, RUNTIME_ONLY);
    const persist = await countProcesses(sandbox, PERSISTING);
    return {
      pkexecTrue: { runs, medianMs: round(median(times), 1) },
      processesPerApply: {
        runtimeOnly: runtime,
        persisting: persist,
        viaPackagedHelper: await countThroughHelper(),
      },
    };
  } finally {
    await bench.dispose();
  }
}

const RUNTIME_ONLY = { values: { ipv4: 1 }, persistence: { kind: 'runtime' } };
const PERSISTING = {
  values: { ipv4: 0 },
  persistence: { kind: 'persist', fileName: '90-nb-bench.conf', expectedSha256: null },
};

/**
 * The same two Applies where the deb or rpm is installed: the app runs the packaged helper
 * through pkexec (an argument vector, no shell before it), and polkit grants its named action.
 */
async function countThroughHelper() {
  const bench = await createBenchPolkitSandbox({ packagedHelper: true });
  const { sandbox } = bench;
  try {
    return {
      runtimeOnly: await countProcesses(sandbox, RUNTIME_ONLY),
      persisting: await countProcesses(sandbox, PERSISTING),
    };
  } finally {
    await bench.dispose();
  }
}
