import type * as NodeFs from 'node:fs';
import type { EntryEffect, SnapshotEntry } from './sysctl-snapshot';
import type { RegularRead } from './sysctl-read-types';

/**
 * One sysctl entry, read synchronously without waiting on it: open non-blocking,
 * fstat, then read up to a cap. Part of the reader thread's code: every function
 * here calls only functions of this module and `fs`, which comes in as a parameter,
 * because the thread runs their text (see sysctl-read-core.ts).
 */
type Fs = typeof NodeFs;

function errorCodeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

function formatByteCount(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

function reasonForCode(code: string, verb: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENOTDIR') return 'a path component is not a directory';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  return `cannot be ${verb} (${code})`;
}

/** What a non-regular file is (its type for the engines' effect) and why it is not read. */
function describeNode(stats: NodeFs.Stats): { node: string; reason: string } {
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
export function readRegularSync(fs: Fs, file: string | Buffer, maxBytes: number): RegularRead {
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
    // Never zero-filled: only the bytes read are ever exposed. One byte more than fstat
    // says, so a file on disk takes one read; small ones (an empty file, a procfs value)
    // come from the shared pool, so thousands of them are not thousands of blocks to copy.
    let buffer = Buffer.allocUnsafe(Math.min(limit, stats.size > 0 ? stats.size + 1 : 64));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length === limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
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
function closeQuietly(fs: Fs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // EBADF/EIO on close: the descriptor is gone either way.
  }
}

/** Valid UTF-8 as text; else U+FFFD for display plus the raw bytes the engines use. */
function nameOfBytes(bytes: Buffer): { name: string; rawName?: string } {
  // Nearly every name is ASCII: no decoder needed for those.
  const latin1 = bytes.toString('latin1');
  if (!/[^\0-\x7f]/.test(latin1)) return { name: latin1 };
  try {
    return { name: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { name: bytes.toString('utf8'), rawName: latin1 };
  }
}

/**
 * What the engines make of an entry the app could not read (see sysctl-snapshot.ts).
 * `conf` is /etc/sysctl.conf, which procps opens only when stat() says it is a regular
 * file, so a FIFO or device there is skipped, never opened.
 */
function effectOfRefusal(read: RegularRead, conf: boolean): EntryEffect | undefined {
  if (read.kind === 'missing') return 'open-fails';
  if (read.kind !== 'refused') return undefined;
  if (read.node !== undefined) {
    if (read.node === 'directory' || conf) return undefined;
    if (read.node === 'fifo') return 'hangs';
    if (read.node === 'device') return 'device';
    return 'open-fails';
  }
  // fopen() fails for root too; EACCES, EPERM, EIO…: root may well read it at boot.
  const failsForRoot = ['ELOOP', 'ENOTDIR', 'ENAMETOOLONG', 'ENXIO', 'ENODEV'];
  return failsForRoot.includes(read.code) ? 'open-fails' : 'not-readable';
}

/**
 * One entry in the snapshot form. Whatever it is, it stays in the snapshot: both
 * engines let an entry they cannot read hide a same-named file in a later directory.
 * Links are followed as the engines follow them; an absolute target (99-sysctl.conf ->
 * /etc/sysctl.conf) is a system path, read below the plan's root, by its bytes.
 */
export function readEntrySync(
  fs: Fs,
  root: string,
  dir: string,
  nameBytes: Buffer,
  isSymlink: boolean,
  options: { readonly conf: boolean; readonly maxBytes: number },
): SnapshotEntry {
  const named = nameOfBytes(nameBytes);
  // A UTF-8 name is the same bytes as text: no buffer to build for the path.
  const real =
    named.rawName === undefined
      ? `${root}${dir}/${named.name}`
      : Buffer.concat([Buffer.from(`${root}${dir}/`), nameBytes]);
  let linkBytes: Buffer | null = null;
  if (isSymlink) {
    try {
      linkBytes = fs.readlinkSync(real, { encoding: 'buffer' });
    } catch (error) {
      const reason = `cannot be read (${errorCodeOf(error)})`;
      return { ...named, kind: 'unreadable', reason, effect: 'not-readable' };
    }
  }
  const linkTarget = linkBytes ? linkBytes.toString('utf8') : null;
  if (linkTarget === '/dev/null') return { ...named, kind: 'masked', linkTarget };
  const target =
    linkBytes && linkBytes[0] === 0x2f ? Buffer.concat([Buffer.from(root), linkBytes]) : real;
  const read = readRegularSync(fs, target, options.maxBytes);
  if (read.kind === 'read') return { ...named, kind: 'file', content: read.bytes, linkTarget };
  // /dev/null is major 1, minor 3: any path to it reads as empty, so it masks.
  if (read.kind === 'refused' && read.node === 'device' && read.rdev === ((1 << 8) | 3)) {
    return { ...named, kind: 'masked', linkTarget: linkTarget ?? '/dev/null' };
  }
  if (read.kind === 'refused' && read.code === 'EFBIG') {
    return { ...named, kind: 'skipped', reason: read.reason.replace(/^skipped: /, '') };
  }
  const reason = read.kind === 'missing' ? 'a link to a file that does not exist' : read.reason;
  const effect = effectOfRefusal(read, options.conf);
  return effect
    ? { ...named, kind: 'unreadable', reason, effect }
    : { ...named, kind: 'unreadable', reason };
}

/** Every function the thread needs for one entry; `readEntrySync` is the way in. */
export const ENTRY_READ_FUNCTIONS = [
  errorCodeOf,
  formatByteCount,
  reasonForCode,
  describeNode,
  readRegularSync,
  closeQuietly,
  nameOfBytes,
  effectOfRefusal,
  readEntrySync,
] as const;
