import * as fs from 'node:fs';
import type { SysctlSources } from './engines/file-order';
import { LOCAL_FILE_SYSTEMS, PROC_SUPER_MAGIC } from './sysctl-read-file-systems';
import { readHeldOrAfresh, releaseHeld } from './sysctl-read-held';
import { armGate, closeGate, gateOpen, watchTree, type Gate } from './sysctl-read-watch';
import type { RegularRead, TreeReadRequest, VetAsk } from './sysctl-read-types';
import { errorCode, identityOf, outcomeOf } from './sysctl-read-log';
import type { Check, Vet } from './sysctl-read-vet';

/**
 * The reader thread's last read, confirmed on the main thread when nothing it read can
 * have changed: waking the thread costs more than the check (up to 0.1 ms when the
 * other core sleeps), while an unchanged tree costs one stat per file and directory.
 *
 * One reader, not two: nothing is read here. The thread logged every call its read made
 * (stat, lstat, readlink) with the answer, and that read used only files and listings
 * kept by their stamps (sysctl-read-vet.ts); the main thread makes the same calls, and
 * when every answer is the same, the thread's read would be the same too, so its last
 * answer is the answer. Any difference, and the thread reads. Running values are read
 * afresh every time (procfs keeps no stamps): small files, read here as the thread
 * reads them, once it vetted their paths. What a check cannot see is a mount made
 * over a checked path between two reads (root's doing); the thread's next read vets again.
 */

/**
 * The most calls a confirmation makes on the main thread: about half a millisecond of
 * stats (a few on a loaded machine). A larger tree is read on the thread, every time.
 */
const MAX_TOUCHES = 512;
/** A file read here is small (a running value): reading it cannot stall the main thread. */
const MAX_FILE_BYTES = 64 * 1024;
/** Trees and files remembered: this computer, the demo, tests' roots. */
const REMEMBERED = 16;

interface TreeVet {
  readonly checks: readonly Compiled[];
  readonly links: ReadonlyMap<string, string>;
  readonly value: SysctlSources;
  /** Watches on everything the read depends on, when they could be set (sysctl-read-watch.ts). */
  readonly gate: Gate | null;
}

const trees = new Map<string, TreeVet>();
const NO_LINKS: ReadonlyMap<string, string> = new Map();
const files = new Map<string, readonly Compiled[]>();

function remember<V>(map: Map<string, V>, key: string, value: V, dropped: (key: string) => void) {
  map.delete(key);
  map.set(key, value);
  if (map.size <= REMEMBERED) return;
  const oldest = map.keys().next().value as string;
  dropped(oldest);
  map.delete(oldest);
}

function forgetTree(key: string): void {
  closeGate(trees.get(key)?.gate);
  trees.delete(key);
}

/**
 * Components looked at in this synchronous stretch: a state read's tree and running
 * values, asked for together, share their leading components (the root, /proc).
 */
let lookedAt: Map<string, string> | null = null;
let lookedSince = 0;

function identityNow(component: string): string {
  // A synchronous loop of reads is one stretch too: it looks again after a millisecond.
  if (!lookedAt || performance.now() - lookedSince > 1) {
    const looked = new Map<string, string>();
    lookedAt = looked;
    lookedSince = performance.now();
    queueMicrotask(() => {
      if (lookedAt === looked) lookedAt = null;
    });
  }
  let id = lookedAt.get(component);
  if (id === undefined) {
    try {
      // Numbers print as the thread's bigints do while they are exact; else bigints.
      const info = fs.lstatSync(component, { throwIfNoEntry: false });
      const exact =
        info && info.ino <= Number.MAX_SAFE_INTEGER && info.dev <= Number.MAX_SAFE_INTEGER;
      const big = info && !exact ? fs.lstatSync(component, { bigint: true }) : null;
      id = info ? identityOf(big ?? info) : '!ENOENT';
    } catch (error) {
      id = `!${errorCode(error)}`;
    }
    lookedAt.set(component, id);
  }
  return id;
}

/**
 * A stat as an lstat first: for anything but a link it is the same answer, and a link
 * is followed only while it is the one the thread vetted (its target's components are
 * checked). The lstat cannot wait: every component before it was checked.
 */
function statHere(
  path: string,
  bigint: boolean,
  links: ReadonlyMap<string, string>,
): fs.Stats | fs.BigIntStats | undefined | null {
  const link = links.get(path);
  if (link === undefined) {
    const info = fs.lstatSync(path, { bigint, throwIfNoEntry: false });
    if (!info?.isSymbolicLink()) return info;
  }
  if (link === undefined || link !== identityNow(path)) return null;
  return fs.statSync(path, { bigint, throwIfNoEntry: false });
}

/** A full stamp as the thread logged it, as numbers to compare without building text. */
type Stamp = readonly [dev: bigint, ino: bigint, type: bigint, size: bigint, m: bigint, c: bigint];

/** A check with its expected stamp read once, when the vet came. */
interface Compiled {
  readonly check: Check;
  readonly stamp: Stamp | null;
}

function compiled(vet: Vet): Compiled[] {
  return vet.checks.map((check) => {
    const parts = check[2].split(':');
    const full = check[0].endsWith('b') && parts.length === 6 && /^[\d:]+$/.test(check[2]);
    return { check, stamp: full ? (parts.map((p) => BigInt(p)) as unknown as Stamp) : null };
  });
}

function sameStamp(info: fs.BigIntStats, [dev, ino, type, size, m, c]: Stamp): boolean {
  return (
    info.ctimeNs === c &&
    info.ino === ino &&
    info.size === size &&
    info.mtimeNs === m &&
    info.dev === dev &&
    (info.mode & 0o170000n) === type
  );
}

/** Whether one check's call answers now as it answered the thread. */
function holds({ check, stamp }: Compiled, links: ReadonlyMap<string, string>): boolean {
  const [kind, path, expected, absentVia] = check;
  if (kind === 'i') return identityNow(path) === expected;
  // Below a component found absent a moment ago, every call answers "absent".
  if (absentVia !== null && identityNow(absentVia) === '!ENOENT') {
    return expected === 'absent' || expected === '!ENOENT';
  }
  try {
    if (kind === 'r') {
      return fs.readlinkSync(path, { encoding: 'buffer' }).toString('latin1') === expected;
    }
    const bigint = kind.endsWith('b');
    const info = kind.startsWith('s')
      ? statHere(path, bigint, links)
      : fs.lstatSync(path, { bigint, throwIfNoEntry: false });
    if (info === null) return false;
    if (stamp && info) return sameStamp(info as fs.BigIntStats, stamp);
    return outcomeOf(info) === expected;
  } catch (error) {
    return `!${errorCode(error)}` === expected;
  }
}

function confirmed(checks: readonly Compiled[], links: ReadonlyMap<string, string>): boolean {
  return checks.every((check) => holds(check, links));
}

const keys = new WeakMap<TreeReadRequest['plan'], string>();

/** A read's every input but the files: the same root read under other caps is another read. */
function treeKey({ plan }: TreeReadRequest): string {
  const known = keys.get(plan);
  if (known !== undefined) return known;
  const key = keyOf(plan);
  keys.set(plan, key);
  return key;
}

function keyOf(plan: TreeReadRequest['plan']): string {
  const credentials = plan.credentialDirectories.map((c) => `${c.dir}:${c.passedIn}`);
  const caps = [
    plan.maxFilesPerDirectory,
    plan.maxFilesTotal,
    plan.maxBytes,
    plan.credentialMaxBytes,
  ];
  const keep = [
    plan.keep.settleNs,
    plan.keep.maxEntries,
    plan.keep.maxBytes,
    ...plan.keep.fileSystems,
  ];
  const paths = [plan.root, ...plan.directories, plan.confDir, plan.confName, plan.credentialName];
  return [...paths, ...credentials, ...caps, ...keep].join('\0');
}

/** What the thread is asked along with a read the main thread may confirm next time. */
export function vetAsk(fileSystems: readonly number[] = LOCAL_FILE_SYSTEMS): VetAsk {
  return {
    fileSystems: [...fileSystems, PROC_SUPER_MAGIC],
    fixedFileSystems: [PROC_SUPER_MAGIC],
    maxTouches: MAX_TOUCHES,
  };
}

/**
 * The thread's last read of this tree when confirmed unchanged; else null: the thread reads.
 * A confirmation opens the tree's gate: its watches were set before it began.
 */
export function readTreeHere(request: TreeReadRequest): SysctlSources | null {
  const key = treeKey(request);
  const tree = trees.get(key);
  if (!tree) return null;
  if (confirmed(tree.checks, tree.links)) {
    armGate(tree.gate);
    return tree.value;
  }
  forgetTree(key);
  return null;
}

/**
 * The thread's last read of this tree while no watch has fired since a confirmation: the
 * caller must first let the event loop deliver what the kernel queued (afterPendingEvents)
 * and then ask again (`stillArmed`), the same tree whose gate is still open.
 */
export function armedTree(request: TreeReadRequest): { readonly value: SysctlSources } | null {
  const tree = trees.get(treeKey(request));
  return tree && gateOpen(tree.gate) ? tree : null;
}

export function stillArmed(request: TreeReadRequest, tree: { value: SysctlSources }): boolean {
  const now = trees.get(treeKey(request));
  return now === tree && gateOpen(now.gate);
}

/** A tree the thread read, with its vet (null: not to be confirmed here). */
export function noteTreeAnswer(
  request: TreeReadRequest,
  value: SysctlSources,
  vet: Vet | null | undefined,
): void {
  const key = treeKey(request);
  forgetTree(key);
  if (!vet) return;
  const links = new Map(vet.links);
  remember(trees, key, { checks: compiled(vet), links, value, gate: watchTree(vet) }, forgetTree);
}

/** Whether a file read may be handed over: small ones, asked for so by the caller. */
export function mayReadHere(maxBytes: number): boolean {
  return maxBytes <= MAX_FILE_BYTES;
}

function forgetFile(path: string): void {
  files.delete(path);
  releaseHeld(path);
}

/**
 * A small file read here, as the thread reads it, when its path was vetted; else null.
 * A procfs file (a running value) is read from a descriptor held open (sysctl-read-held.ts).
 */
export function readFileHere(path: string, maxBytes: number): RegularRead | null {
  const checks = files.get(path);
  if (!checks || !mayReadHere(maxBytes)) return null;
  if (!confirmed(checks, NO_LINKS)) {
    forgetFile(path);
    return null;
  }
  return readHeldOrAfresh(path, maxBytes);
}

export function noteFileVet(path: string, vet: Vet | null | undefined): void {
  if (!vet) forgetFile(path);
  else remember(files, path, compiled(vet), releaseHeld);
}
