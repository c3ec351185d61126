import { close, constants, fstat, open, read, type Stats } from 'node:fs';
import { promisify } from 'node:util';

// The callback API on plain descriptors, not fs/promises' FileHandle: the same calls on
// libuv's thread pool, at less than half the cost per file (1,000 sysctl.d files: about
// 45 ms instead of 100 ms here), and the descriptor is closed in `finally` all the same.
const openFd = promisify(open);
const fstatFd = promisify(fstat);
const closeFd = promisify(close);
const readFd = (fd: number, buffer: Buffer, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) =>
    read(fd, buffer, offset, length, position, (error, bytesRead) =>
      error ? reject(error) : resolve(bytesRead),
    ),
  );

/**
 * Reading files that belong to other people, without letting them hang or
 * exhaust the app.
 *
 * Every open is non-blocking (a FIFO with no writer would otherwise block
 * forever), the descriptor is checked with fstat so only regular files are read
 * (a link to /dev/zero is a character device, never read), and at most
 * `maxBytes` are read whatever the file claims (procfs files report size 0).
 * Everything is asynchronous, so the work happens on libuv's thread pool and
 * never on the Electron main thread.
 */

/** The default cap for a configuration file: far above any real sysctl or load-balancer file. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type SafeRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  /**
   * Present but not a regular file, or unreadable; `reason` is in words. `node` says
   * what it is when it is not a regular file (and the device number of a device).
   */
  | {
      readonly kind: 'refused';
      readonly reason: string;
      readonly code: string;
      readonly node?: NodeKind;
    };

/** What a path is when it is not a regular file. */
export type NodeKind =
  | { readonly type: 'directory' | 'fifo' | 'socket' | 'other' }
  | { readonly type: 'device'; readonly rdev: number };

function nodeKind(stats: Stats): NodeKind {
  if (stats.isDirectory()) return { type: 'directory' };
  if (stats.isFIFO()) return { type: 'fifo' };
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return { type: 'device', rdev: stats.rdev };
  if (stats.isSocket()) return { type: 'socket' };
  return { type: 'other' };
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/** What a non-regular file is, in words. */
function describeType(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stats.isDirectory()) return 'a directory, not a file';
  if (stats.isFIFO()) return 'a named pipe (FIFO), not a file; not read, so it cannot hang the app';
  if (stats.isCharacterDevice() || stats.isBlockDevice())
    return 'a device, not a file; not read, so it cannot exhaust the app';
  if (stats.isSocket()) return 'a socket, not a file';
  return 'not a regular file';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a path component is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

/** Reads a regular file up to `maxBytes`; anything else is refused with the reason in words. */
export async function readRegularFile(
  file: string | Buffer,
  maxBytes: number = MAX_CONFIG_BYTES,
): Promise<SafeRead> {
  let fd: number;
  try {
    fd = await openFd(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'refused', code, reason: REASONS[code] ?? `cannot be opened (${code})` };
  }
  try {
    const stats: Stats = await fstatFd(fd);
    if (!stats.isFile()) {
      return {
        kind: 'refused',
        code: 'ENOTREG',
        reason: describeType(stats),
        node: nodeKind(stats),
      };
    }
    if (stats.size > maxBytes) {
      return {
        kind: 'refused',
        code: 'EFBIG',
        reason: `skipped: larger than ${formatBytes(maxBytes)} (${formatBytes(stats.size)})`,
      };
    }
    // Sized from fstat, but read to the end whatever it said (procfs says 0; a file may grow):
    // the buffer doubles until the end or one byte past the cap, which tells "too big" apart.
    const limit = maxBytes + 1;
    let buffer = Buffer.alloc(Math.min(limit, Math.max(stats.size + 1, 4096)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length === limit) break;
        const grown = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const bytesRead = await readFd(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) {
      return {
        kind: 'refused',
        code: 'EFBIG',
        reason: `skipped: larger than ${formatBytes(maxBytes)}`,
      };
    }
    return { kind: 'read', bytes: buffer.subarray(0, total) };
  } catch (error) {
    const code = errorCode(error);
    return { kind: 'refused', code, reason: REASONS[code] ?? `cannot be read (${code})` };
  } finally {
    await closeFd(fd).catch(() => undefined);
  }
}

/** Reads a regular file as UTF-8 text (invalid bytes become U+FFFD); see readRegularFile. */
export async function readRegularText(
  file: string,
  maxBytes: number = MAX_CONFIG_BYTES,
): Promise<{ kind: 'read'; text: string } | Exclude<SafeRead, { kind: 'read' }>> {
  const result = await readRegularFile(file, maxBytes);
  return result.kind === 'read' ? { kind: 'read', text: result.bytes.toString('utf8') } : result;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}
