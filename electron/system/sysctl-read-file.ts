import type * as NodeFs from 'node:fs';

/**
 * One file, read synchronously without waiting on it: open non-blocking, fstat, then
 * read up to a cap. Part of the reader thread's code (sysctl-read-core.ts explains why
 * every function is self-contained and takes `fs`).
 */
type Fs = typeof NodeFs;

export type Refusal = { readonly code: string; readonly reason: string; readonly rdev?: number };
export type RegularRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  | ({ readonly kind: 'refused'; readonly node?: string } & Refusal);

export function errorCodeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

export function formatByteCount(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

export function reasonForCode(code: string, verb: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENOTDIR') return 'a path component is not a directory';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  return `cannot be ${verb} (${code})`;
}

/** What a non-regular file is (its type for the engines' effect) and why it is not read. */
export function describeNode(stats: NodeFs.Stats): { node: string; reason: string } {
  if (stats.isDirectory()) return { node: 'directory', reason: 'a directory, not a file' };
  if (stats.isFIFO())
    return {
      node: 'fifo',
      reason: 'a named pipe (FIFO), not a file; not read, so it cannot hang the app',
    };
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return {
      node: 'device',
      reason: 'a device, not a file; not read, so it cannot exhaust the app',
    };
  if (stats.isSocket()) return { node: 'socket', reason: 'a socket, not a file' };
  return { node: 'other', reason: 'not a regular file' };
}

/** Reads a regular file up to `maxBytes`; anything else is refused with the reason. */
export function readRegularSync(fs: Fs, file: Buffer, maxBytes: number): RegularRead {
  let fd: number;
  try {
    const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;
    fd = fs.openSync(file, flags);
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'refused', code, reason: reasonForCode(code, 'opened') };
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) {
      const { node, reason } = describeNode(stats);
      return { kind: 'refused', code: 'ENOTREG', reason, node, rdev: stats.rdev };
    }
    if (stats.size > maxBytes) {
      const sizes = `${formatByteCount(maxBytes)} (${formatByteCount(stats.size)})`;
      return { kind: 'refused', code: 'EFBIG', reason: `skipped: larger than ${sizes}` };
    }
    // Sized from fstat, but read to the end whatever it said (procfs says 0; a file may
    // grow): the buffer doubles until the end or one byte past the cap ("too big").
    const limit = maxBytes + 1;
    // Never zero-filled (only the bytes read are ever exposed) and never from the shared
    // pool, so the reader thread can hand the memory over instead of copying it.
    let buffer = Buffer.allocUnsafeSlow(Math.min(limit, Math.max(stats.size + 1, 4096)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length === limit) break;
        const grown = Buffer.allocUnsafeSlow(Math.min(limit, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const wanted = buffer.length - total;
      const bytesRead = fs.readSync(fd, buffer, total, wanted, total);
      total += bytesRead;
      // A short read of a file on disk (fstat gave a size) is its end: no second call
      // per file. procfs says size 0 and may answer in pieces, so it reads to 0 bytes.
      if (bytesRead === 0 || (stats.size > 0 && bytesRead < wanted)) break;
    }
    if (total > maxBytes) {
      const reason = `skipped: larger than ${formatByteCount(maxBytes)}`;
      return { kind: 'refused', code: 'EFBIG', reason };
    }
    return { kind: 'read', bytes: buffer.subarray(0, total) };
  } catch (error) {
    const code = errorCodeOf(error);
    return { kind: 'refused', code, reason: reasonForCode(code, 'read') };
  } finally {
    closeQuietly(fs, fd);
  }
}

/** A close that fails leaves nothing to do: the read's answer stands. */
export function closeQuietly(fs: Fs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // EBADF/EIO on close: the descriptor is gone either way.
  }
}
