import * as fs from 'node:fs';
import { readRegularSync } from './sysctl-read-entry';
import { PROC_SUPER_MAGIC } from './sysctl-read-file-systems';
import type { RegularRead } from './sysctl-read-types';

/**
 * A running value read on the main thread (sysctl-read-here.ts), from its file held open.
 *
 * A /proc/sys file gives the kernel's value now at every read from offset 0: the kernel
 * formats it afresh for each read (proc_sys_read calls the setting's handler), so an
 * open descriptor never answers an old value. Holding it saves the open, fstat and close
 * of every refresh. What it must not miss is the path naming another file since it was
 * opened (a file moved over it, a mount over it, a link pointed elsewhere): before every
 * read the path is looked at again (one lstat, after the caller confirmed every component
 * leading to it) and must still be the file held, the same device and inode. While the
 * descriptor is open, its inode cannot be dropped and renumbered.
 *
 * Only a procfs file is held: a file on disk may be replaced in place by anyone who may
 * write it, and is read with an open every time (readRegularSync).
 */

interface Held {
  readonly fd: number;
  readonly dev: number;
  readonly ino: number;
}

/**
 * Per path: the file held. A path that names no procfs file now (a file mounted over it, a
 * test's tree on disk) holds nothing and is looked at again next time (one statfs).
 */
const held = new Map<string, Held>();

/** At most as many as the main thread remembers vets for (sysctl-read-here.ts). */
const MAX_HELD = 16;

/** One buffer for every held read: the bytes are copied out before it is used again. */
let scratch = Buffer.alloc(0);

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // EBADF/EIO on close: the descriptor is gone either way.
  }
}

/** Closes what is held for a path (its vet was dropped, or it names another file now). */
export function releaseHeld(path: string): void {
  const was = held.get(path);
  held.delete(path);
  if (was) closeQuietly(was.fd);
}

/**
 * The path's file, opened as readRegularSync opens it, held when it is a regular file on
 * procfs and the path still names it after the open (nothing swapped in between).
 */
function hold(path: string): Held | null {
  let fd: number;
  try {
    if (fs.statfsSync(path).type !== PROC_SUPER_MAGIC) return null;
    const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;
    fd = fs.openSync(path, flags);
  } catch {
    return null;
  }
  try {
    const opened = fs.fstatSync(fd);
    const named = fs.lstatSync(path, { throwIfNoEntry: false });
    const same = named?.dev === opened.dev && named.ino === opened.ino && opened.isFile();
    if (same) return { fd, dev: opened.dev, ino: opened.ino };
  } catch {
    // Looked at as it went away: read afresh, as the reader would.
  }
  closeQuietly(fd);
  return null;
}

/** Whether the path names the held file still: the same device and inode, a regular file. */
function stillNamed(path: string, file: Held): boolean {
  try {
    const now = fs.lstatSync(path, { throwIfNoEntry: false });
    return now?.ino === file.ino && now.dev === file.dev && now.isFile();
  } catch {
    return false;
  }
}

/**
 * The held file's bytes from offset 0, up to `maxBytes`: read until the kernel says the
 * end (0 bytes), as readRegularSync reads procfs. Null on any failure or a value too large:
 * then the caller reads afresh, and that read says what is wrong.
 */
function readHeld(file: Held, maxBytes: number): RegularRead | null {
  if (scratch.length < maxBytes + 1) scratch = Buffer.allocUnsafe(maxBytes + 1);
  let total = 0;
  try {
    for (;;) {
      const got = fs.readSync(file.fd, scratch, total, maxBytes + 1 - total, total);
      total += got;
      if (got === 0) break;
      if (total > maxBytes) return null;
    }
  } catch {
    return null;
  }
  return { kind: 'read', bytes: Buffer.from(scratch.subarray(0, total)) };
}

/**
 * A small file whose every leading component the caller confirmed: from its held
 * descriptor when it is a procfs file the path still names, else read afresh.
 */
export function readHeldOrAfresh(path: string, maxBytes: number): RegularRead {
  const known = held.get(path);
  if (known && stillNamed(path, known)) {
    const read = readHeld(known, maxBytes);
    if (read) return read;
  }
  releaseHeld(path);
  const now = hold(path);
  if (now) {
    if (held.size >= MAX_HELD) releaseHeld(held.keys().next().value as string);
    held.set(path, now);
  }
  return readRegularSync(fs, path, maxBytes);
}
