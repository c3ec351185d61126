import type * as NodeFs from 'node:fs';

/**
 * The two reads the namespace listing makes, each bounded: /proc text into a buffer the
 * caller reuses, and a runtime's state file (regular files only, no links, capped).
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module, and `fs` comes in as a parameter.
 */

export type CappedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: string };

function errnoOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

function closeQuietly(fs: typeof NodeFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The descriptor is gone either way; the read's answer stands.
  }
}

/**
 * A /proc file (comm, cgroup) into `buffer`; EFBIG when it fills the buffer. procfs
 * files say size 0 and may answer in pieces, so it reads until a read returns nothing.
 * Latin-1 keeps every byte as one character: the callers match fixed ASCII patterns.
 */
export function readProcTextSync(fs: typeof NodeFs, file: string, buffer: Buffer): CappedText {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, code: errnoOf(error) };
  }
  try {
    let total = 0;
    for (;;) {
      if (total === buffer.length) return { ok: false, code: 'EFBIG' };
      const got = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (got === 0) break;
      total += got;
    }
    return { ok: true, text: buffer.toString('latin1', 0, total) };
  } catch (error) {
    return { ok: false, code: errnoOf(error) };
  } finally {
    closeQuietly(fs, fd);
  }
}

/**
 * A runtime's state file (config.v2.json, containers.json, an OCI config.json): opened
 * without following a link at its end and without waiting (a FIFO there cannot hang
 * the listing), refused unless regular, read to at most `maxBytes` as UTF-8.
 */
export function readStateFileSync(fs: typeof NodeFs, file: string, maxBytes: number): CappedText {
  let fd: number;
  try {
    const flags =
      fs.constants.O_RDONLY |
      fs.constants.O_NONBLOCK |
      fs.constants.O_NOCTTY |
      fs.constants.O_NOFOLLOW;
    fd = fs.openSync(file, flags);
  } catch (error) {
    return { ok: false, code: errnoOf(error) };
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG' };
    if (stats.size > maxBytes) return { ok: false, code: 'EFBIG' };
    // One byte past the cap tells a file that grew since fstat from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stats.size + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) break;
      const got = fs.readSync(fd, buffer, total, buffer.length - total, total);
      if (got === 0) break;
      total += got;
    }
    if (total > maxBytes) return { ok: false, code: 'EFBIG' };
    // It grew while read: a file being rewritten, not one to trust half of.
    if (total === buffer.length) return { ok: false, code: 'EAGAIN' };
    return { ok: true, text: buffer.toString('utf8', 0, total) };
  } catch (error) {
    return { ok: false, code: errnoOf(error) };
  } finally {
    closeQuietly(fs, fd);
  }
}

/** Every function the listing thread needs from this module. */
export const CAPPED_READ_FUNCTIONS = [
  errnoOf,
  closeQuietly,
  readProcTextSync,
  readStateFileSync,
] as const;
