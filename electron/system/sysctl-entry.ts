import { readlink } from 'node:fs/promises';
import path from 'node:path';
import type { EntryEffect, SnapshotEntry } from './sysctl-snapshot';
import { MAX_CONFIG_BYTES, readRegularFile, type SafeRead } from './safe-read';
import { resolveSystemPath, type SystemContext } from './system-context';

/** /dev/null's device number (major 1, minor 3), whatever path leads to it. */
const DEV_NULL_RDEV = (1 << 8) | 3;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A directory entry's name as the snapshot keeps it: UTF-8 text when it is
 * valid UTF-8, else U+FFFD for display plus the raw bytes, which the engines
 * sort, compare and open by.
 */
export function entryName(bytes: Buffer): { name: string; rawName?: string } {
  try {
    return { name: utf8.decode(bytes) };
  } catch {
    return { name: bytes.toString('utf8'), rawName: bytes.toString('latin1') };
  }
}

/** Codes where fopen() fails for root too: nothing is read from the entry. */
const OPEN_FAILS = new Set(['ELOOP', 'ENOTDIR', 'ENAMETOOLONG', 'ENXIO', 'ENODEV']);

/**
 * What the engines make of an entry the app could not read. `conf` is
 * /etc/sysctl.conf, which procps opens only when stat() says it is a regular
 * file, so a FIFO or device there is skipped, never opened.
 */
function effectOf(
  read: Exclude<SafeRead, { kind: 'read' }>,
  conf: boolean,
): EntryEffect | undefined {
  if (read.kind === 'missing') return 'open-fails';
  const node = read.node;
  if (node) {
    if (node.type === 'directory') return undefined;
    if (conf) return undefined;
    if (node.type === 'fifo') return 'hangs';
    if (node.type === 'device') return 'device';
    return 'open-fails';
  }
  if (OPEN_FAILS.has(read.code)) return 'open-fails';
  // EACCES, EPERM, EIO, EMFILE…: root may well read it at boot.
  return 'not-readable';
}

/**
 * Reads one entry into the snapshot form the boot model works on. Whatever it
 * is, it stays in the snapshot: both engines let an entry they cannot read hide
 * a same-named file in a later directory. `nameBytes` is the name as the
 * directory holds it (it may not be UTF-8).
 */
export async function readEntry(
  ctx: SystemContext,
  dir: string,
  nameBytes: Buffer,
  isSymlink: boolean,
  options: { readonly conf?: boolean; readonly maxBytes?: number } = {},
): Promise<SnapshotEntry> {
  const named = entryName(nameBytes);
  const real = Buffer.concat([Buffer.from(`${resolveSystemPath(ctx, dir)}/`), nameBytes]);
  let linkBytes: Buffer | null = null;
  if (isSymlink) {
    try {
      linkBytes = await readlink(real, { encoding: 'buffer' });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
      return {
        ...named,
        kind: 'unreadable',
        reason: `cannot be read (${code})`,
        effect: 'not-readable',
      };
    }
  }
  const linkTarget = linkBytes ? linkBytes.toString('utf8') : null;
  if (linkTarget === '/dev/null') return { ...named, kind: 'masked', linkTarget };
  // An absolute link (99-sysctl.conf -> /etc/sysctl.conf) names a system path: below a
  // test or demo root it must be read there, never from the host. By its bytes: the
  // target may not be UTF-8 either.
  const root = path.resolve(ctx.fsRoot);
  const target =
    linkBytes && linkBytes[0] === 0x2f
      ? Buffer.concat([Buffer.from(root === '/' ? '' : root), linkBytes])
      : real;
  const read = await readRegularFile(target, options.maxBytes ?? MAX_CONFIG_BYTES);
  if (read.kind === 'read') return { ...named, kind: 'file', content: read.bytes, linkTarget };
  if (read.kind === 'refused' && read.node?.type === 'device' && read.node.rdev === DEV_NULL_RDEV) {
    // Any path to /dev/null reads as empty, as a link written "/dev/null" does.
    return { ...named, kind: 'masked', linkTarget: linkTarget ?? '/dev/null' };
  }
  if (read.kind === 'refused' && read.code === 'EFBIG') {
    return { ...named, kind: 'skipped', reason: read.reason.replace(/^skipped: /, '') };
  }
  const reason = read.kind === 'missing' ? 'a link to a file that does not exist' : read.reason;
  const effect = effectOf(read, options.conf ?? false);
  return effect
    ? { ...named, kind: 'unreadable', reason, effect }
    : { ...named, kind: 'unreadable', reason };
}
