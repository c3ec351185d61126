import * as fs from 'node:fs';
import { WATCHED_FILE_SYSTEMS } from './sysctl-read-file-systems';
import type { Vet } from './sysctl-read-vet';

/**
 * Kernel change notification (inotify, through fs.watch) for a tree the main thread has
 * confirmed (sysctl-read-here.ts): while nothing a read depends on has changed, the next
 * read needs no stat at all.
 *
 * What is watched: every directory a lookup of the read walks (each component's parent,
 * links' targets too, so a rename, a new link or a removed entry on the way fires), every
 * listed directory (an entry added, removed or renamed fires), and every file read (its
 * inode: a write through a hard link or a bind-mounted copy fires there, not in the
 * directory). The kernel queues an event within the call that makes the change, before
 * that call returns; the event loop delivers it at its next poll for I/O, so a read waits
 * until the loop has polled once (afterPendingEvents) and then knows of every change made
 * before the read was asked for.
 *
 * The gate opens only after a full confirmation by stats that began after every watch was
 * set (a change before the watches existed shows there), and any event that may concern
 * the read closes it until the next full confirmation. Watched only on file systems where
 * every change goes through this kernel's file system calls (WATCHED_FILE_SYSTEMS): not
 * overlayfs (a change to a layer below shows no event above), not FUSE, NFS or CIFS
 * (changes made elsewhere), not procfs; ZFS neither (a rollback changes files without
 * those calls). Where a watch cannot be set (the user's inotify limit, a path gone), or a
 * tree needs more watches than MAX_WATCHES, every read confirms by stats as before.
 *
 * What inotify cannot see, so a gated read cannot either (all of it root's doing, or a
 * writer's with write access to root's files):
 * - a file system mounted over a watched path after the watches were set (only root may
 *   mount in the app's mount namespace; an unmount of a watched file system does fire);
 * - a write through a shared mmap(2) of a file (inotify(7): no event; a stat would see the
 *   mtime the first write fault sets);
 * - events lost when the kernel's queue overflows (16,384 unread events; libuv drops the
 *   overflow notice), which takes that many changes to the few names watched between two
 *   turns of the event loop.
 * So a gate stays open for TRUST_MS after its confirmation at most: then the next read
 * confirms by stats again, which sees those too. A change inotify misses shows within
 * that time; every other change shows in the very next read.
 */

/** About what a tree of a few hundred files needs; each watch is one inotify watch of the user's. */
const MAX_WATCHES = 512;

/**
 * How long a confirmation keeps a gate open: the app refreshes every 2 s, so about one
 * refresh in three confirms by stats (a few dozen stats), and the others make none.
 */
export const TRUST_MS = 5000;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/** A directory's names that concern a read, and whether it is listed (every `*.conf`). */
interface Names {
  readonly names: Set<string>;
  listed: boolean;
}

export interface Gate {
  /** Set by a full confirmation made after every watch was set; cleared by any event. */
  armed: boolean;
  /** When it was last armed (performance.now()). */
  armedAt: number;
  /** A watcher failed or the gate was dropped: never armed again. */
  closed: boolean;
  readonly watchers: fs.FSWatcher[];
}

function directory(dirs: Map<string, Names>, path: string): Names {
  let names = dirs.get(path);
  if (!names) {
    names = { names: new Set(), listed: false };
    dirs.set(path, names);
  }
  return names;
}

/** What to watch for a vetted read: directories with their names, and files read. */
function targetsOf(vet: Vet): { dirs: Map<string, Names>; files: string[] } {
  const dirs = new Map<string, Names>();
  for (const component of vet.components) {
    const slash = component.lastIndexOf('/');
    if (component === '/' || slash < 0) continue;
    directory(dirs, slash === 0 ? '/' : component.slice(0, slash)).names.add(
      component.slice(slash + 1),
    );
  }
  const files: string[] = [];
  for (const [kind, path, outcome] of vet.checks) {
    // A full stamp (dev:ino:type:size:mtime:ctime) is a stat the read used: a listed
    // directory, or a file whose bytes it kept.
    const type = (kind === 'lb' || kind === 'sb') && /^\d+:\d+:(\d+):/.exec(outcome)?.[1];
    if (!type) continue;
    if ((Number(type) & S_IFMT) === S_IFDIR) directory(dirs, path).listed = true;
    else if ((Number(type) & S_IFMT) === S_IFREG) files.push(path);
  }
  return { dirs, files };
}

function onTrustedFileSystem(path: string, fileSystems: readonly number[]): boolean {
  try {
    return fileSystems.includes(fs.statfsSync(path).type);
  } catch {
    return false;
  }
}

/** Whether an event in a watched directory may concern the read (any unknown name may). */
function concerns(name: string | null, self: string, watched: Names): boolean {
  if (!name || name === self || watched.names.has(name)) return true;
  return watched.listed && name.endsWith('.conf');
}

export function closeGate(gate: Gate | null | undefined): void {
  if (!gate) return;
  gate.armed = false;
  gate.closed = true;
  // Shut now, released after the read that dropped it: each close is a system call.
  const watchers = gate.watchers.splice(0);
  if (watchers.length > 0) setImmediate(() => watchers.forEach((w) => w.close()));
}

/** After a full confirmation that began once every watch was set; a closed gate stays shut. */
export function armGate(gate: Gate | null): void {
  if (!gate || gate.closed) return;
  gate.armed = true;
  gate.armedAt = performance.now();
}

/** Whether a read may be answered by the gate (once the pending events are delivered). */
export function gateOpen(gate: Gate | null): boolean {
  return gate !== null && gate.armed && performance.now() - gate.armedAt < TRUST_MS;
}

/** Watches everything a vetted read depends on; null where that cannot be done in full. */
export function watchTree(vet: Vet, fileSystems = WATCHED_FILE_SYSTEMS): Gate | null {
  const { dirs, files } = targetsOf(vet);
  if (dirs.size + files.length > MAX_WATCHES) return null;
  const gate: Gate = { armed: false, armedAt: 0, closed: false, watchers: [] };
  const watch = (path: string, concern: (name: string | null) => boolean): boolean => {
    if (!onTrustedFileSystem(path, fileSystems)) return false;
    try {
      // Not persistent: an idle app with a tree watched may still exit.
      const watcher = fs.watch(path, { persistent: false }, (_type, name) => {
        if (concern(name)) gate.armed = false;
      });
      watcher.on('error', () => closeGate(gate));
      gate.watchers.push(watcher);
      return true;
    } catch {
      return false;
    }
  };
  for (const [dir, names] of dirs) {
    const self = dir.slice(dir.lastIndexOf('/') + 1);
    if (!watch(dir, (name) => concerns(name, self, names))) return failed(gate);
  }
  for (const file of files) if (!watch(file, () => true)) return failed(gate);
  return gate;
}

function failed(gate: Gate): null {
  closeGate(gate);
  return null;
}

/**
 * Resolves once the event loop has polled for I/O since the call, so every event the
 * kernel queued before it has been delivered: the first turn may be the rest of the
 * current one (a read asked from an I/O callback), the second starts with a poll.
 */
export function afterPendingEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
