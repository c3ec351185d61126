import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import type { Sandbox } from '../harness/sandbox';
import type { StepOutcome } from '../harness/run-step';

/**
 * Helpers for the safety-net specs: they drive the real step with raw argument vectors
 * (not the app's builder, so the step's own checks are what is tested), snapshot every
 * place it may touch, and hold it at a chosen system call with strace's fault injection.
 */

export const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
export const V6 = '/proc/sys/net/ipv6/ip_nonlocal_bind';
export const DIR = '/etc/sysctl.d';
export const NAME = '99-safety.conf';
export const FILE = `${DIR}/${NAME}`;

export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Contents that differ from each other only in our own lines, as the step allows. */
export const OLD = '# site\nvm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 0\n';
export const NEW = '# site\nvm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 1\n';

/** The arguments of a write of NEW over OLD that also sets both runtime values to 1. */
export const WRITE_ARGS = [
  'v2',
  'net.ipv4.ip_nonlocal_bind=1',
  'net.ipv6.ip_nonlocal_bind=1',
  '--',
  'write',
  NAME,
  sha(OLD),
  b64(NEW),
] as const;

/**
 * Everything the step may change, as text: both runtime values, every file (with its
 * content hash, mode and inode) in /etc/sysctl.d, our temp files in /etc, and the
 * state directory (a non-empty intent record).
 */
export function snapshot(sandbox: Sandbox): string {
  return sandbox.run('sh', [
    '-c',
    `cat ${V4} ${V6}
     for f in ${DIR}/* ${DIR}/.[!.]* /etc/.nonlocal-bind-* /etc/sysctl.conf; do
       [ -e "$f" ] || [ -L "$f" ] || continue
       if [ -f "$f" ] && [ ! -L "$f" ]; then h=$(sha256sum < "$f"); else h=-; fi
       echo "$f $(stat -c '%F %a %i' "$f") \${h%% *}"
     done
     # The lock is the directory; err holds the tools' messages; an empty record is none.
     for f in /run/nonlocal-bind/* /run/nonlocal-bind/.[!.]*; do
       case "\${f##*/}" in err|lock) continue;; esac
       [ ! -s "$f" ] || echo "\${f##*/}"
     done`,
  ]).stdout;
}

/** What is in the directory, hidden files included, one name a line. */
export function listing(sandbox: Sandbox, dir = DIR): string {
  return sandbox.run('ls', ['-A', dir]).stdout;
}

export function inode(sandbox: Sandbox, file: string): string {
  return sandbox.run('stat', ['-c', '%i %a', file]).stdout.trim();
}

/**
 * Makes `target` (one of the two settings) show another file of the same network
 * namespace, inside the sandbox's mount namespace only.
 */
export function bindOver(sandbox: Sandbox, source: string, target: string): void {
  sandbox.run('mount', ['--bind', source, target]);
}

/** A bind of the setting onto itself, remounted read-only: writes fail with EROFS. */
export function makeReadOnly(sandbox: Sandbox, target: string): void {
  sandbox.run('sh', [
    '-c',
    'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"',
    'sh',
    target,
  ]);
}

/** A traced step's end: its exit code, its stderr, and strace's log. */
export interface TracedOutcome extends StepOutcome {
  readonly log: string;
}

export interface TracedStep {
  readonly pid: number;
  readonly done: Promise<TracedOutcome>;
  readonly exited: () => boolean;
  /** What the step has written to stderr so far. */
  readonly stderr: () => string;
  /** Pids strace reported stopped by a SIGSTOP, each once, oldest first, not yet taken. */
  readonly takeStops: () => number[];
}

/**
 * Runs the step under `strace -f` (or, with null options, without) inside the sandbox, in
 * its own process group so a test can kill all of it. `straceOptions` chooses what is traced and injected; strace's
 * log goes to a host temp file (the sandbox shares /tmp), where its stops are read.
 */
/** Steps started and not yet ended, so a failed test can still end them (killLeftoverSteps). */
const live = new Set<TracedStep>();

/** Kills every step a test left running, stopped or not: call it in afterEach. */
export async function killLeftoverSteps(): Promise<void> {
  await Promise.all([...live].map((step) => killStep(step)));
}

export function runTracedStep(
  sandbox: Sandbox,
  args: readonly string[],
  straceOptions: readonly string[] | null,
): TracedStep {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-step-trace-'));
  const log = path.join(dir, 'strace.log');
  const step = ['/bin/sh', '-s', '--', ...args];
  const child = sandbox.spawn(
    straceOptions === null ? '/bin/sh' : 'strace',
    straceOptions === null
      ? step.slice(1)
      : ['-f', '-qq', '-e', 'signal=SIGSTOP', '-o', log, ...straceOptions, ...step],
    { detached: true, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  if (child.pid === undefined) throw new Error('strace did not start');
  let stderr = '';
  let finished = false;
  let taken = 0;
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin?.end(PRIVILEGED_SCRIPT);
  const done = new Promise<TracedOutcome>((resolve) =>
    child.on('close', (code) => {
      finished = true;
      live.delete(traced);
      const text = readFileSync(log, { encoding: 'utf8', flag: 'a+' });
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: code ?? -1, stderr, log: text });
    }),
  );
  const takeStops = (): number[] => {
    if (finished) return [];
    let text: string;
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      return [];
    }
    const stops = [...text.matchAll(/^(\d+) +--- stopped by SIGSTOP ---$/gm)].map((m) =>
      Number(m[1]),
    );
    const fresh = stops.slice(taken);
    taken = stops.length;
    return fresh;
  };
  const traced: TracedStep = {
    pid: child.pid,
    done,
    exited: () => finished,
    stderr: () => stderr,
    takeStops,
  };
  live.add(traced);
  return traced;
}

/**
 * Waits until strace has stopped a process of the step (its injected SIGSTOP), or the
 * step ended without reaching that point (then null). No guessed timeout: the step's own
 * end bounds the wait.
 */
export async function waitForStop(step: TracedStep): Promise<number[] | null> {
  for (;;) {
    const stopped = step.takeStops();
    if (stopped.length > 0) return stopped;
    if (step.exited()) return null;
    await sleep(10);
  }
}

/** Resumes the given stops, then every later one, until the step ends (a rollback may meet the injected call again). */
export async function resumeUntilDone(
  step: TracedStep,
  stopped: readonly number[],
): Promise<TracedOutcome> {
  for (const pid of stopped) process.kill(pid, 'SIGCONT');
  while (!step.exited()) {
    for (const pid of step.takeStops()) process.kill(pid, 'SIGCONT');
    await sleep(10);
  }
  return step.done;
}

/** Kills the traced step and everything it runs, as a crash or `kill -9` would. */
export async function killStep(step: TracedStep): Promise<void> {
  if (step.exited()) return;
  process.kill(-step.pid, 'SIGKILL');
  await step.done;
}

/** strace options that stop the step when it fsyncs /etc/sysctl.d (right after the rename). */
export const STOP_AT_DIR_FSYNC = [
  '-P',
  DIR,
  '-e',
  'trace=fsync',
  '-e',
  'inject=fsync:signal=SIGSTOP',
] as const;

/**
 * Runs the step stopped at its fsync of /etc/sysctl.d (after the rename or unlink, before
 * any read-back), calls `whileStopped` there, then lets it finish. Throws when the step
 * ended without reaching that point.
 */
export async function withStepHeldAfterRename(
  sandbox: Sandbox,
  args: readonly string[],
  whileStopped: () => void,
): Promise<TracedOutcome> {
  const step = runTracedStep(sandbox, args, STOP_AT_DIR_FSYNC);
  const stopped = await waitForStop(step);
  if (stopped === null) {
    const outcome = await step.done;
    throw new Error(
      `the step ended (${outcome.code}) before its directory fsync: ${outcome.stderr}`,
    );
  }
  try {
    whileStopped();
  } catch (error) {
    // Never leave a stopped step behind a failed expectation.
    await killStep(step);
    throw error;
  }
  return resumeUntilDone(step, stopped);
}
