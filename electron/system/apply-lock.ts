import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { readRegularText } from './safe-read';
import { STEP_STATE_DIR } from './step-recovery';
import type { SystemContext } from './system-context';

/** /proc/locks has a line per lock on the machine; far more than any real one holds. */
const MAX_LOCKS_BYTES = 4 * 1024 * 1024;

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
 * The stats are synchronous (fixed paths below root's /run/nonlocal-bind, on a tmpfs): the
 * /proc/locks read then goes to the reader thread together with the rest of a state read,
 * rather than one round trip later.
 */
export async function isApplyLockHeld(
  ctx: SystemContext,
  procLocks = '/proc/locks',
): Promise<boolean> {
  const info = statOrNull(path.join(ctx.fsRoot, APPLY_LOCK));
  // No lock file yet: no step has ever run here, so none is running.
  if (info === null) return false;
  const errors = statOrNull(path.join(ctx.fsRoot, APPLY_LOCK_ERRORS));
  if (errors === null || errors.size === 0) return false;
  const wanted = `${formatDevice(info.dev)}:${info.ino}`;
  // Any user can take flocks, so /proc/locks is read like any file someone else controls.
  const read = await readRegularText(procLocks, MAX_LOCKS_BYTES);
  const locks = read.kind === 'read' ? read.text : '';
  return locks
    .split('\n')
    .some((line) => /\bFLOCK\b/.test(line) && line.split(/\s+/).includes(wanted));
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    // Not even stat-able (a directory on the way that is not one): no lock to find.
    return null;
  }
}
