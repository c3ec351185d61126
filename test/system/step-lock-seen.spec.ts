import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APPLY_LOCK, APPLY_LOCK_ERRORS, isApplyLockHeld } from '../../electron/system/apply-lock';
import type { SystemContext } from '../../electron/system/system-context';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import {
  FILE,
  killLeftoverSteps,
  killStep,
  OLD,
  resumeUntilDone,
  runTracedStep,
  STOP_AT_DIR_FSYNC,
  waitForStop,
  WRITE_ARGS,
} from '../support/step-probe';

// Issue 21: whether another Apply is running is read from /proc/locks, whose every read waits
// for a kernel grace period, only when the real step says it may hold its lock: its error file
// is never empty while it holds it, and emptied before it lets go.

// One worker, in order: the last test grows the machine's /proc/locks for a few seconds, past
// what a look can finish, and a killed step's mark must meanwhile be refuted by a full look.
test.describe.configure({ mode: 'default' });

let sandbox: Sandbox;
let scratch: string;
/** The sandbox's own /run, seen through its root. */
let ctx: SystemContext;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  sandbox.writeText(FILE, OLD);
  ctx = { fsRoot: `/proc/${sandbox.pid}/root`, platform: 'linux' };
  scratch = await mkdtemp(path.join(os.tmpdir(), 'nb-lock-seen-'));
});
test.afterEach(async () => {
  await killLeftoverSteps();
  await sandbox.dispose();
  await rm(scratch, { recursive: true, force: true });
});

/** A /proc/locks of our own that lists a flock on the sandbox's lock file. */
async function locksListingTheLock(): Promise<string> {
  const info = await stat(path.join(ctx.fsRoot, APPLY_LOCK));
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const major = Math.floor(info.dev / 256) & 0xfff;
  const minor = (info.dev & 0xff) | (Math.floor(info.dev / 4096) & 0xfff00);
  const file = path.join(scratch, 'locks');
  writeFileSync(
    file,
    `1: FLOCK  ADVISORY  WRITE 99 ${hex(major)}:${hex(minor)}:${info.ino} 0 EOF\n`,
  );
  return file;
}

const errorFileSize = async () => (await stat(path.join(ctx.fsRoot, APPLY_LOCK_ERRORS))).size;

test('a step holding the lock is seen; once it has ended, /proc/locks is not even read', async () => {
  expect(await isApplyLockHeld(ctx)).toBe(false);
  const step = runTracedStep(sandbox, WRITE_ARGS, STOP_AT_DIR_FSYNC);
  const stopped = await waitForStop(step);
  expect(stopped, step.stderr()).not.toBeNull();
  expect(await isApplyLockHeld(ctx)).toBe(true);
  const outcome = await resumeUntilDone(step, stopped ?? []);
  expect(outcome.code, outcome.stderr).toBe(0);
  // The mark is not an error: nothing of it reaches the caller.
  expect(outcome.stderr).not.toContain('lock held');
  expect(await errorFileSize()).toBe(0);
  expect(await isApplyLockHeld(ctx)).toBe(false);
  // Even a /proc/locks that lists the lock is not consulted.
  expect(await isApplyLockHeld(ctx, await locksListingTheLock())).toBe(false);
});

test('a step killed while holding the lock leaves the mark; /proc/locks then decides', async () => {
  const step = runTracedStep(sandbox, WRITE_ARGS, STOP_AT_DIR_FSYNC);
  expect(await waitForStop(step), step.stderr()).not.toBeNull();
  await killStep(step);
  expect(await errorFileSize()).toBeGreaterThan(0);
  // The kernel let go of the killed step's lock.
  expect(await isApplyLockHeld(ctx)).toBe(false);
  expect(await isApplyLockHeld(ctx, await locksListingTheLock())).toBe(true);
});

/**
 * A local user's process holding 120 000 byte-range locks (40 on each of 3000 files of its
 * own, so the kernel never walks a long list per lock): each is a /proc/locks line of at
 * least 38 bytes, 4.5 MB in all, past the 4 MB cap the app once read it under. Resolves
 * once they are all held; they go when the process is killed.
 */
async function growProcLocks(dir: string): Promise<() => void> {
  const program = `import fcntl, os, sys
for f in range(3000):
    fd = os.open(os.path.join(sys.argv[1], str(f)), os.O_RDWR | os.O_CREAT, 0o600)
    for i in range(40):
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 2 * i)
print("held", flush=True)
sys.stdin.read()
`;
  const grower = spawn('/usr/bin/python3', ['-c', program, dir], { stdio: 'pipe' });
  const stop = () => void grower.kill('SIGKILL');
  const held = await new Promise<boolean>((resolve) => {
    grower.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().includes('held')));
    grower.on('exit', () => resolve(false));
  });
  if (!held) stop();
  expect(held).toBe(true);
  return stop;
}

test('a real /proc/locks grown past any size cap by another user does not hide a running step', async () => {
  const stopGrowing = await growProcLocks(scratch);
  try {
    const step = runTracedStep(sandbox, WRITE_ARGS, STOP_AT_DIR_FSYNC);
    const stopped = await waitForStop(step);
    expect(stopped, step.stderr()).not.toBeNull();
    expect(await isApplyLockHeld(ctx)).toBe(true);
    const outcome = await resumeUntilDone(step, stopped ?? []);
    expect(outcome.code, outcome.stderr).toBe(0);
    // Ended: the mark is gone, and the big /proc/locks is not read at all.
    expect(await isApplyLockHeld(ctx)).toBe(false);
  } finally {
    stopGrowing();
  }
});
