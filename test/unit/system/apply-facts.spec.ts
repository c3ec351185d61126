import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  APPLY_LOCK,
  APPLY_LOCK_ERRORS,
  isApplyLockHeld,
} from '../../../electron/system/apply-lock';
import {
  createPolkitAgentFinder,
  findPolkitAgent,
} from '../../../electron/system/environment-facts';
import { readInterruptedApply, STEP_STATE_DIR } from '../../../electron/system/step-recovery';
import type { SystemContext } from '../../../electron/system/system-context';

// The main view's Apply facts, below a root laid out like `/`: what each says, and that the
// agent found last is trusted only while its own process still is that agent.

let root: string;
let ctx: SystemContext;
test.beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nb-apply-facts-'));
  ctx = { fsRoot: root, platform: 'linux' };
});
test.afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function setComm(pid: number, comm: string): Promise<void> {
  await mkdir(path.join(root, 'proc', String(pid)), { recursive: true });
  await writeFile(path.join(root, 'proc', String(pid), 'comm'), `${comm}\n`);
}

test('the agent found last is checked by its own comm; gone, /proc is scanned again', async () => {
  const others = Array.from({ length: 20 }, (_, i) => i + 2);
  for (const pid of others) await setComm(pid, 'bash');
  await setComm(40, 'polkit-gnome-au');
  const findAgent = createPolkitAgentFinder(ctx);
  expect(await findAgent()).toBe('polkit-gnome-au');
  // Twenty other agents appearing change nothing while the first still runs: a rescan
  // would meet one of them before pid 40 in all but about one listing order in twenty.
  for (const pid of others) await setComm(pid, 'lxpolkit');
  expect(await findAgent()).toBe('polkit-gnome-au');
  expect(await findPolkitAgent(ctx)).not.toBeNull();
  // The first one's pid now runs something else: the scan finds the other agent.
  await setComm(40, 'bash');
  expect(await findAgent()).toBe('lxpolkit');
  for (const pid of others) await rm(path.join(root, 'proc', String(pid)), { recursive: true });
  expect(await findAgent()).toBeNull();
  // None found last time: the next look scans again and sees a new one.
  await setComm(99, 'xfce-polkit');
  expect(await findAgent()).toBe('xfce-polkit');
});

test('with no agent running, a look reads the comm of new processes only', async () => {
  for (const pid of [2, 3, 4]) await setComm(pid, 'bash');
  const findAgent = createPolkitAgentFinder(ctx);
  expect(await findAgent()).toBeNull();
  // Already looked at: its comm is not read again on the next look (polling every 2 s
  // re-reads nothing it has seen), which the full scan still would.
  await setComm(3, 'lxpolkit');
  expect(await findAgent()).toBeNull();
  expect(await findPolkitAgent(ctx)).toBe('lxpolkit');
  // A new process is read and found.
  await setComm(50, 'xfce-polkit');
  expect(await findAgent()).toBe('xfce-polkit');
  // Once gone, a pid is forgotten: the same pid reused by an agent is read again.
  await rm(path.join(root, 'proc', '50'), { recursive: true });
  await rm(path.join(root, 'proc', '3'), { recursive: true });
  expect(await findAgent()).toBeNull();
  await setComm(3, 'lxpolkit');
  expect(await findAgent()).toBe('lxpolkit');
});

test('the lock counts as held only when /proc/locks lists a flock on its device and inode', async () => {
  const locks = path.join(root, 'locks');
  await writeFile(locks, '');
  // No lock file: no step ever ran, whatever /proc/locks says.
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  await mkdir(path.join(root, STEP_STATE_DIR), { recursive: true });
  await writeFile(path.join(root, APPLY_LOCK), '');
  const info = await stat(path.join(root, APPLY_LOCK));
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const major = Math.floor(info.dev / 256) & 0xfff;
  const minor = (info.dev & 0xff) | (Math.floor(info.dev / 4096) & 0xfff00);
  const id = `${hex(major)}:${hex(minor)}:${info.ino}`;
  // The step's error file absent or empty: no step holds the lock, and /proc/locks (a kernel
  // grace period per read) is not read at all.
  await writeFile(locks, `1: FLOCK  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  await writeFile(path.join(root, APPLY_LOCK_ERRORS), '');
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  // Not empty: a step holds the lock or was killed holding it; /proc/locks tells which.
  await writeFile(path.join(root, APPLY_LOCK_ERRORS), 'lock held\n');
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  await writeFile(locks, `1: POSIX  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  await writeFile(locks, `1: FLOCK  ADVISORY  WRITE 99 ${id}1 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  await writeFile(locks, `1: FLOCK  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
});

/** The step's lock file and its mark below the root; returns its "MAJ:MIN:INO". */
async function markedLock(): Promise<string> {
  await mkdir(path.join(root, STEP_STATE_DIR), { recursive: true });
  await writeFile(path.join(root, APPLY_LOCK), '');
  await writeFile(path.join(root, APPLY_LOCK_ERRORS), 'lock held\n');
  const info = await stat(path.join(root, APPLY_LOCK));
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const major = Math.floor(info.dev / 256) & 0xfff;
  const minor = (info.dev & 0xff) | (Math.floor(info.dev / 4096) & 0xfff00);
  return `${hex(major)}:${hex(minor)}:${info.ino}`;
}

test('/proc/locks is looked through to its end, past any size cap, a line across reads', async () => {
  const id = await markedLock();
  const locks = path.join(root, 'locks');
  // 5 MiB of other locks, past the 4 MiB cap a local user could once hide the lock behind.
  const other = (i: number) => `${i}: POSIX  ADVISORY  WRITE 99 00:2d:${1_000_000 + i} 0 0\n`;
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 5 * 1024 * 1024; i += 1) {
    lines.push(other(i));
    size += other(i).length;
  }
  const ours = `${lines.length}: FLOCK  ADVISORY  WRITE 99 ${id} 0 EOF`;
  // Only a look that reached the end can say no step holds the lock.
  await writeFile(locks, lines.join(''));
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  await writeFile(locks, `${lines.join('')}${ours}\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  // The last line without its newline, and a line cut by every read's end.
  await writeFile(locks, `${lines.join('')}${ours}`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  for (const cut of [1, 7, 16 * 1024 - 3]) {
    await writeFile(locks, `${'x'.repeat(cut)}\n${ours}\n`);
    expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  }
});

test('a /proc/locks that cannot be looked through leaves the mark its word', async () => {
  const id = await markedLock();
  const locks = path.join(root, 'locks');
  await writeFile(locks, `1: POSIX  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
  // Not a regular file, gone, or a line no kernel writes: a step may hold the lock.
  await rm(locks);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  await mkdir(locks);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  await rm(locks, { recursive: true });
  await writeFile(locks, `${'x'.repeat(64 * 1024)}\n1: POSIX  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(true);
  // A mark that is not a regular file is no mark.
  await rm(path.join(root, APPLY_LOCK_ERRORS));
  await mkdir(path.join(root, APPLY_LOCK_ERRORS));
  await writeFile(locks, `1: FLOCK  ADVISORY  WRITE 99 ${id} 0 EOF\n`);
  expect(await isApplyLockHeld(ctx, locks)).toBe(false);
});

test('an intent record means an interrupted Apply only while it is a non-empty file', async () => {
  expect(readInterruptedApply(ctx)).toBeNull();
  const intent = path.join(root, STEP_STATE_DIR, 'apply.intent');
  await mkdir(path.dirname(intent), { recursive: true });
  await writeFile(intent, '');
  expect(readInterruptedApply(ctx)).toBeNull();
  await writeFile(intent, 'v2 net.ipv4.ip_nonlocal_bind=1 -- none - absent - - -\n');
  expect(readInterruptedApply(ctx)).toMatchObject({ since: expect.any(String) });
  await rm(intent);
  await mkdir(intent);
  expect(readInterruptedApply(ctx)).toBeNull();
});
