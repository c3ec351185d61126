import { constants, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { STEP_STATE_DIR } from './step-recovery';
import type { SystemContext } from './system-context';

/**
 * How long a look through /proc/locks may take. It has a line per lock on the machine, and
 * any user can take a hundred thousand (byte-range locks on a few thousand files), so it is
 * read a page at a time and never kept, under this limit rather than a size cap a user could
 * push the lock's line past. Each read walks the kernel's list from its start to where the
 * last one stopped, so a look grows with the square of the locks: the few thousand of a busy
 * server take milliseconds, 120 000 took 3-5 s here under load. The limit is half the main
 * view's 2-s poll, so a look never runs into the next one.
 */
export const LOCKS_SCAN_TIME_LIMIT_MS = 1000;

/** A line of /proc/locks is under 100 bytes; one with no end in sight is not the kernel's. */
const MAX_LOCKS_LINE_CHARS = 4096;

/** Each read of /proc/locks gives at most a page; a few pages of room cost nothing. */
const LOCKS_PIECE_BYTES = 16 * 1024;

/** The privileged step's lock file, root's 0600 (step/script.ts). */
export const APPLY_LOCK = `${STEP_STATE_DIR}/apply.lock`;

/** The tools' errors of the step holding the lock; never empty while it is held. */
export const APPLY_LOCK_ERRORS = `${STEP_STATE_DIR}/err`;

/** Linux's encoding of st_dev as /proc/locks prints it: "MAJ:MIN" in hex, at least two digits. */
function formatDevice(dev: number): string {
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & 0xfff00);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `${hex(major)}:${hex(minor)}`;
}

/**
 * Whether some process holds the step's lock right now, that is an Apply is running on this
 * computer and one started now would wait for it. The lock file is root's and cannot be
 * opened by the app, but its directory (0711) lets anyone stat it, and /proc/locks lists
 * every flock by device and inode, so this needs no rights and takes no lock itself.
 *
 * Reading /proc/locks waits for a kernel RCU grace period (5-15 ms here, on every read a
 * while after the last one), so it is read only when a step may hold the lock: the step
 * keeps its tools' error file non-empty from the moment it takes the lock until just before
 * it lets go (step/script.ts). An absent or empty error file means no step holds it; a
 * non-empty one is a running step or one that was killed, which /proc/locks tells apart.
 *
 * The stats are synchronous (fixed paths below root's /run/nonlocal-bind, on a tmpfs); the
 * look through /proc/locks is asynchronous, a page per read, so a long one never holds up
 * the event loop.
 */
export async function isApplyLockHeld(
  ctx: SystemContext,
  procLocks = '/proc/locks',
): Promise<boolean> {
  const info = statOrNull(path.join(ctx.fsRoot, APPLY_LOCK));
  // No lock file yet: no step has ever run here, so none is running.
  if (info === null) return false;
  const errors = statOrNull(path.join(ctx.fsRoot, APPLY_LOCK_ERRORS));
  if (errors === null || !errors.isFile() || errors.size === 0) return false;
  // The mark says a step may hold the lock; only a full look that finds no flock on it
  // says none does (a step killed holding it). A look that cannot finish leaves the mark's
  // word: someone can make it slow, but cannot hide a running step that way.
  const found = await findFlock(procLocks, `${formatDevice(info.dev)}:${info.ino}`);
  return found !== 'absent';
}

/** Whether a FLOCK line of /proc/locks names the device and inode `wanted` ("MAJ:MIN:INO"). */
function isFlockOn(line: string, wanted: string): boolean {
  return /\bFLOCK\b/.test(line) && line.split(/\s+/).includes(wanted);
}

/**
 * Looks through /proc/locks line by line for a flock on `wanted`, as through any file someone
 * else controls: opened non-blocking, a regular file only, lines capped, under a time limit.
 */
async function findFlock(
  procLocks: string,
  wanted: string,
): Promise<'found' | 'absent' | 'unknown'> {
  const deadline = performance.now() + LOCKS_SCAN_TIME_LIMIT_MS;
  let file;
  try {
    file = await open(procLocks, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return 'unknown';
  }
  try {
    if (!(await file.stat()).isFile()) return 'unknown';
    const piece = Buffer.allocUnsafe(LOCKS_PIECE_BYTES);
    let rest = '';
    while (performance.now() < deadline) {
      const { bytesRead } = await file.read(piece, 0, piece.length, null);
      if (bytesRead === 0) return rest !== '' && isFlockOn(rest, wanted) ? 'found' : 'absent';
      const lines = (rest + piece.toString('latin1', 0, bytesRead)).split('\n');
      rest = lines.pop() ?? '';
      if (lines.some((line) => isFlockOn(line, wanted))) return 'found';
      if (rest.length > MAX_LOCKS_LINE_CHARS) return 'unknown';
    }
    return 'unknown';
  } catch {
    return 'unknown';
  } finally {
    await file.close().catch(() => undefined);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    // Not even stat-able (a directory on the way that is not one): no lock to find.
    return null;
  }
}
