import type * as NodeFs from 'node:fs';
import type { ReadCache } from './sysctl-read-keep';
import type { CallLog } from './sysctl-read-log';
import type { VetAsk } from './sysctl-read-types';

/**
 * Whether a read the reader thread just made can be confirmed on the main thread next
 * time (sysctl-read-here.ts), and with which calls.
 *
 * The reader is a function of what its calls return: stat, lstat and readlink say what
 * is there, and a file or a listing it kept is, by git's racy rule, the same while its
 * stamp (dev, inode, size, mtime, ctime) is. So when a read used only kept values, the
 * same calls giving the same answers mean the same read: the thread logs each call with
 * the answer it got (its "outcome"), and the main thread makes them again and compares.
 *
 * The main thread may look at a path only if no lookup there can wait: every component
 * its lookup walks (each prefix, and every link followed, as the kernel walks them) is on
 * a local file system (the request's list: never FUSE, NFS or CIFS). The thread walks
 * each logged path with lstat and readlink; the main thread first checks, in order, the
 * components someone other than root may have replaced since (same device, inode and
 * type), so such a component turned into a link into a network mount, say, is never
 * looked through. What only root may change (as only root may mount) is not checked.
 *
 * Part of the reader thread's code: calls only functions of this module (see
 * sysctl-read-core.ts); `fs` comes in as a parameter.
 */

type Fs = typeof NodeFs;

/** The identity the main thread compares (identityOf in sysctl-read-log.ts, passed in). */
type Identify = (info: NodeFs.BigIntStats) => string;

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/**
 * One check, in the order the main thread makes them: `i` a component's identity
 * (lstat), `l` an lstat's outcome, `s` a stat's, `r` a readlink's; the path; the outcome
 * expected; and, for a path below a component found absent, that component.
 */
export type Check = readonly [
  kind: string,
  path: string,
  expected: string,
  absentVia: string | null,
];

/** What the main thread gets: its checks, and the links a stat may follow. */
export interface Vet {
  readonly checks: readonly Check[];
  /** Links a tree read's stat follows: followed only while the same link (identity). */
  readonly links: readonly [string, string][];
  /** Every component the read's lookups walk, links' targets too (sysctl-read-watch.ts). */
  readonly components: readonly string[];
}

interface Walk {
  readonly fs: Fs;
  readonly identify: Identify;
  readonly ask: VetAsk;
  /** Per device: its file system's magic number, null when statfs failed. */
  readonly byDev: Map<bigint, number | null>;
  /** Per component: its identity, whether it is checked, who may change its entries. */
  readonly seen: Map<string, Seen>;
  readonly checks: Check[];
  readonly links: [string, string][];
  ok: boolean;
  hops: number;
  /** Who may change the entries of the last path walked to its end (a link's target). */
  leaf: Entries;
}

/**
 * Who may rename, remove or create a directory's entries: nobody (procfs), root alone
 * (root's, written by no group or other; a POSIX ACL granting more shows in those bits),
 * root alone for root's entries (root's sticky directory, /tmp), or anyone else too.
 */
type Entries = 'fixed' | 'root' | 'sticky-root' | 'open';

interface Seen {
  readonly id: string;
  /** Whether someone other than root may have replaced it: then checked when wanted. */
  readonly changeable: boolean;
  checked: boolean;
  entries: Entries;
}

function entriesOf(walk: Walk, info: NodeFs.BigIntStats, type: number | null): Entries {
  if (!info.isDirectory()) return 'open';
  if (type !== null && walk.ask.fixedFileSystems.includes(type)) return 'fixed';
  if (info.uid !== 0n) return 'open';
  if ((info.mode & 0o022n) === 0n) return 'root';
  return (info.mode & 0o1000n) === 0n ? 'open' : 'sticky-root';
}

/**
 * Whether the main thread must check a component before looking through it: not where
 * only root could have replaced it since (as only root could mount over it; the
 * thread's next read vets again), nor inside procfs.
 */
function mayChange(parent: Entries, info: NodeFs.BigIntStats | undefined): boolean {
  if (parent === 'fixed' || parent === 'root') return false;
  return parent === 'open' || info?.uid !== 0n;
}

function fileSystemOf(walk: Walk, dev: bigint, path: string): number | null {
  let type = walk.byDev.get(dev);
  if (type === undefined) {
    try {
      type = walk.fs.statfsSync(path).type;
    } catch {
      type = null;
    }
    walk.byDev.set(dev, type);
  }
  return type;
}

/** One component: lstat'ed once per walk; a link's target is walked in its turn. */
function walkComponent(walk: Walk, component: string, wanted: boolean, parent: Entries): Seen {
  const before = walk.seen.get(component);
  if (before) {
    // Seen as a leaf first, needed as a directory now: checked before what it leads to.
    const check = wanted && before.changeable;
    if (check && !before.checked) walk.checks.push(['i', component, before.id, null]);
    before.checked ||= check;
    return before;
  }
  let info: NodeFs.BigIntStats | undefined;
  let id: string;
  try {
    info = walk.fs.lstatSync(component, { bigint: true, throwIfNoEntry: false });
    id = info ? walk.identify(info) : '!ENOENT';
  } catch (error) {
    id = `!${codeOf(error)}`;
  }
  const changeable = mayChange(parent, info);
  const check = wanted && changeable;
  const seen: Seen = { id, changeable, checked: check, entries: 'open' };
  walk.seen.set(component, seen);
  if (check) walk.checks.push(['i', component, id, null]);
  if (!info) return seen;
  const parentPath = component.slice(0, component.lastIndexOf('/'));
  // statfs follows a link: the link itself lives on its directory's file system.
  const type = fileSystemOf(walk, info.dev, info.isSymbolicLink() ? parentPath || '/' : component);
  if (type === null || !walk.ask.fileSystems.includes(type)) walk.ok = false;
  seen.entries = entriesOf(walk, info, type);
  if (info.isSymbolicLink()) {
    if (!check) walk.links.push([component, id]);
    walk.hops += 1;
    let text = '';
    try {
      text = walk.fs.readlinkSync(component, 'utf8');
    } catch {
      walk.ok = false;
    }
    if (walk.hops > 40 || text.includes('\uFFFD')) walk.ok = false;
    else if (walk.ok) {
      // What lies below a link lies in its target: /proc's entries, not the link's.
      walkPath(walk, text.startsWith('/') ? text : `${parentPath}/${text}`, true);
      seen.entries = walk.leaf;
    }
  }
  return seen;
}

/**
 * Every component of an absolute path, as the kernel looks it up (`..` and links
 * resolved by the lookup itself, not by text); the component found absent on the way,
 * if any. Without `checkLeaf` the last component is not checked: the main thread's own
 * call does not follow it (a stat there is an lstat first). A component inside a fixed
 * file system (procfs) cannot be replaced, so it is not checked either.
 */
function walkPath(walk: Walk, path: string, checkLeaf: boolean): string | null {
  // Set once the walk reaches the path's end; a link met on the way walks its own target.
  walk.leaf = 'open';
  if (!path.startsWith('/')) {
    walk.ok = false;
    return null;
  }
  // The root directory itself: never replaced, but whose entries may change.
  let parent = walkComponent(walk, '/', false, 'fixed').entries;
  for (let end = path.indexOf('/', 1); walk.ok; end = path.indexOf('/', end + 1)) {
    const component = end < 0 ? path : path.slice(0, end);
    // An empty component (`//`) is no lookup.
    if (!component.endsWith('/')) {
      const { id, entries } = walkComponent(walk, component, end >= 0 || checkLeaf, parent);
      walk.leaf = 'open';
      if (id === '!ENOENT' && end >= 0) return component;
      if (id.startsWith('!')) return null;
      parent = entries;
    }
    if (end < 0) {
      walk.leaf = parent;
      return null;
    }
  }
  return null;
}

/**
 * The vet of a read: a tree read (its calls in `log`, complete when the cache says every
 * value came from or went to it) or one file opened by `path`; null when the main thread
 * may not confirm it (a value not kept, a path off the listed file systems, a call that
 * answered two ways, too many calls).
 */
export function vetRead(
  fs: Fs,
  identify: Identify,
  ask: VetAsk,
  read: { readonly cache: ReadCache; readonly log: CallLog } | { readonly path: string },
): Vet | null {
  const fromTree = 'log' in read;
  if (fromTree && (!read.cache.read?.complete || read.log.bytes)) return null;
  // A call is logged at most twice (a link's readlink): more than twice the limit is over it.
  if (fromTree && read.log.calls.length > 2 * ask.maxTouches) return null;
  const calls = new Map<string, string>();
  for (const [key, outcome] of fromTree ? read.log.calls : []) {
    if ((calls.get(key) ?? outcome) !== outcome) return null;
    calls.set(key, outcome);
  }
  if (calls.size > ask.maxTouches) return null;
  const walk: Walk = {
    fs,
    identify,
    ask,
    byDev: new Map(),
    seen: new Map(),
    checks: [],
    links: [],
    ok: true,
    hops: 0,
    leaf: 'open',
  };
  if (!fromTree) walkPath(walk, read.path, true);
  const own: Check[] = [];
  for (const [key, outcome] of calls) {
    const path = key.slice(key[1] === 'b' ? 2 : 1);
    const via = walk.ok ? walkPath(walk, path, false) : null;
    own.push([key.slice(0, key.length - path.length), path, outcome, via]);
  }
  // Every component before the calls: each call's lookup walks only checked ones.
  if (!walk.ok) return null;
  const components = [...walk.seen.keys()];
  return { checks: merged(walk.checks, own, walk.links), links: walk.links, components };
}

/**
 * One lstat where one says it all: a component's identity check becomes the call's own
 * check when that call is an lstat (or a stat of no link) of it, whose answer holds the
 * identity; a plain lstat's type is in a bigint one's; a link's text is its identity's
 * (a link is never rewritten, only replaced).
 */
function merged(components: Check[], calls: Check[], links: [string, string][]): Check[] {
  const at = new Map(components.map((c, i) => [c[1], i]));
  const full = new Map(calls.filter((c) => c[0] === 'lb').map((c) => [c[1], c[2]]));
  const linkIds = new Map(links);
  const rest: Check[] = [];
  for (const call of calls) {
    const [kind, path, outcome, via] = call;
    const i = at.get(path);
    const here = i === undefined ? undefined : components[i];
    const typed = (id: string | undefined) => id?.slice(id.lastIndexOf(':') + 1);
    const inOne = outcome.startsWith(`${here?.[2]}:`) && typed(here?.[2]) !== String(0o120000);
    if ((kind === 'lb' || kind === 'sb') && i !== undefined && via === null && inOne) {
      components[i] = call;
      at.delete(path);
    } else if (
      kind === 'l' &&
      outcome === `type:${typed(full.get(path)?.split(':', 3).join(':'))}`
    ) {
      continue;
    } else if (kind === 'r' && linkIds.has(path)) {
      rest.push(['i', path, linkIds.get(path) ?? '', via]);
    } else rest.push(call);
  }
  return [...components, ...rest];
}

/** Every function the thread needs to log and vet a read. */
export const VET_FUNCTIONS = [
  codeOf,
  entriesOf,
  mayChange,
  fileSystemOf,
  walkComponent,
  walkPath,
  vetRead,
  merged,
] as const;
