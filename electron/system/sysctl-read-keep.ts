import type * as NodeFs from 'node:fs';
import type { readEntrySync } from './sysctl-read-entry';
import type { KeepPlan } from './sysctl-read-types';
import type { SnapshotEntry } from './sysctl-snapshot';

/**
 * What the reader thread keeps between reads, so an unchanged tree costs one stat per
 * file instead of an open, a read and a close: git's rule for its index ("racy git").
 *
 * A file's bytes are reused only when its (dev, ino, size, mtime, ctime) is exactly what
 * it was when they were read, AND it had last changed more than the plan's margin before
 * that read began. The margin matters because timestamps are coarse (a jiffy, up to
 * 10 ms): a file written again within the same tick keeps its ctime, so only a file
 * settled well before the read can be trusted to show every later change as a new
 * ctime (which no one can set back). The stamp is taken before the bytes are read, so
 * a change during the read shows up as a new stamp next time. Directories likewise: an
 * entry added, removed or renamed changes their mtime and ctime.
 *
 * Only regular files on file systems whose times the kernel keeps on every write
 * (the plan's list; never procfs, sysfs or FUSE), whose size says exactly what was read.
 * Part of the reader thread's code: calls only functions of this module (see
 * sysctl-read-core.ts); `fs` and the entry reader come in as parameters.
 */

type Fs = typeof NodeFs;
type Stats = NodeFs.BigIntStats;

/** A `*.conf` entry as its directory lists it. */
export interface Listed {
  readonly name: Buffer;
  readonly link: boolean;
}

type Kept =
  | { readonly kind: 'entry'; readonly stamp: string; readonly entry: SnapshotEntry; size: number }
  | { readonly kind: 'listing'; readonly stamp: string; readonly listed: Listed[]; size: number };

/** Kept per path, oldest use first; `size` is what it holds in bytes, roughly. */
export interface ReadCache {
  readonly kept: Map<string, Kept>;
  size: number;
  /** The last tree read's log (sysctl-read-vet.ts). */
  read?: ReadLog;
}

/**
 * Whether one tree read used only kept values (every file and listing kept, or kept
 * now): then, while every stamp it saw stays the same, it would read the same again.
 */
export interface ReadLog {
  complete: boolean;
}

/** One tree read's view of the cache. */
export interface KeepSession {
  readonly fs: Fs;
  readonly cache: ReadCache;
  readonly plan: KeepPlan;
  /** Wall clock (ns) minus the margin, taken before anything is read. */
  readonly settledBefore: bigint;
  /** Per device, this read: whether its file system keeps honest times. */
  readonly trusted: Map<bigint, boolean>;
  readonly log: ReadLog;
}

export function beginKeeping(fs: Fs, cache: ReadCache, plan: KeepPlan): KeepSession {
  const now = BigInt(Date.now()) * 1_000_000n;
  const log: ReadLog = { complete: true };
  cache.read = log;
  return { fs, cache, plan, settledBefore: now - plan.settleNs, trusted: new Map(), log };
}

function stampOf(s: Stats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Changed before the margin: any later change gets a ctime of its own. */
function settled(session: KeepSession, s: Stats): boolean {
  return s.ctimeNs < session.settledBefore && s.mtimeNs < session.settledBefore;
}

function trustedFileSystem(session: KeepSession, s: Stats, path: string | Buffer): boolean {
  let trusted = session.trusted.get(s.dev);
  if (trusted === undefined) {
    try {
      trusted = session.plan.fileSystems.includes(session.fs.statfsSync(path).type);
    } catch {
      trusted = false;
    }
    session.trusted.set(s.dev, trusted);
  }
  return trusted;
}

function statQuietly(fs: Fs, path: string | Buffer, follow: boolean): Stats | null {
  try {
    const options = { bigint: true, throwIfNoEntry: false } as const;
    return (follow ? fs.statSync(path, options) : fs.lstatSync(path, options)) ?? null;
  } catch {
    return null;
  }
}

function forget(cache: ReadCache, key: string): void {
  const kept = cache.kept.get(key);
  if (!kept) return;
  cache.kept.delete(key);
  cache.size -= kept.size;
}

/** The kept value when its stamp is the same; it becomes the most recently used. */
function recall(cache: ReadCache, key: string, stamp: string): Kept | null {
  const kept = cache.kept.get(key);
  if (kept?.stamp !== stamp) return null;
  cache.kept.delete(key);
  cache.kept.set(key, kept);
  return kept;
}

/** Keeps a value, dropping the least recently used ones beyond the plan's bounds. */
function keep(session: KeepSession, key: string, value: Kept): void {
  const { cache, plan } = session;
  forget(cache, key);
  if (value.size > plan.maxBytes) return;
  cache.kept.set(key, value);
  cache.size += value.size;
  for (const [oldest, kept] of cache.kept) {
    if (cache.kept.size <= plan.maxEntries && cache.size <= plan.maxBytes) break;
    cache.kept.delete(oldest);
    cache.size -= kept.size;
  }
}

/** The listing of a directory whose stat is `info`, if kept and unchanged. */
export function recallListing(session: KeepSession, where: string, info: Stats): Listed[] | null {
  const kept = recall(session.cache, `d:${where}`, stampOf(info));
  return kept?.kind === 'listing' ? kept.listed : null;
}

/** Keeps a listing read after `info` was taken, when the directory had settled. */
export function keepListing(
  session: KeepSession,
  where: string,
  info: Stats,
  listed: Listed[],
): void {
  const key = `d:${where}`;
  if (!settled(session, info) || !trustedFileSystem(session, info, where)) {
    forget(session.cache, key);
    session.log.complete = false;
    return;
  }
  const size = listed.reduce((sum, l) => sum + l.name.length + 32, key.length);
  keep(session, key, { kind: 'listing', stamp: stampOf(info), listed, size });
}

/** A copy with an ArrayBuffer of its own, not a slice that keeps a shared slab alive. */
function ownCopy(bytes: Buffer): Buffer {
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return Buffer.from(own.buffer);
}

/**
 * One entry (as readEntrySync reads it), from the cache when the file is unchanged.
 * A plain file costs one lstat; a link a readlink (its bytes are read every time) and
 * a stat of its target. Anything but a regular file is read afresh every time.
 */
export function readEntryKept(
  session: KeepSession,
  readEntry: typeof readEntrySync,
  root: string,
  dir: string,
  nameBytes: Buffer,
  isSymlink: boolean,
  options: { readonly conf: boolean; readonly maxBytes: number },
): SnapshotEntry {
  const { fs, cache, log } = session;
  const text = nameBytes.toString('latin1');
  const key = `f:${root}${dir}/${text}`;
  const real = /[^\0-\x7f]/.test(text)
    ? Buffer.concat([Buffer.from(`${root}${dir}/`), nameBytes])
    : `${root}${dir}/${text}`;
  let link: Buffer | null = null;
  if (isSymlink) {
    try {
      link = fs.readlinkSync(real, { encoding: 'buffer' });
    } catch {
      link = null;
    }
  }
  const target = link && link[0] === 0x2f ? Buffer.concat([Buffer.from(root), link]) : real;
  const info = isSymlink && !link ? null : statQuietly(fs, target, isSymlink);
  if (!info?.isFile()) {
    forget(cache, key);
    log.complete = false;
    return readEntry(fs, root, dir, nameBytes, isSymlink, options);
  }
  const stamp = link ? `${link.toString('latin1')}>${stampOf(info)}` : stampOf(info);
  const kept = recall(cache, key, stamp);
  if (kept?.kind === 'entry' && kept.entry.kind === 'file') {
    if (kept.entry.content.length <= options.maxBytes) return kept.entry;
  }
  const entry = readEntry(fs, root, dir, nameBytes, isSymlink, options);
  const exact = entry.kind === 'file' && BigInt(entry.content.length) === info.size;
  if (!exact || !settled(session, info) || !trustedFileSystem(session, info, target)) {
    forget(cache, key);
    log.complete = false;
    return entry;
  }
  const size = entry.content.length + key.length + 64;
  const own = { ...entry, content: ownCopy(entry.content) };
  keep(session, key, { kind: 'entry', stamp, entry: own, size });
  // The kept object itself: the next read of it is the very same object (sameValue).
  return own;
}

/** Every function the thread needs for keeping. */
export const KEEP_FUNCTIONS = [
  beginKeeping,
  stampOf,
  settled,
  trustedFileSystem,
  statQuietly,
  forget,
  recall,
  keep,
  recallListing,
  keepListing,
  ownCopy,
  readEntryKept,
] as const;
