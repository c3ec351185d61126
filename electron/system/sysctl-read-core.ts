import type * as NodeFs from 'node:fs';
import type { readEntrySync, readRegularSync } from './sysctl-read-entry';
import type {
  beginKeeping,
  keepListing,
  Listed,
  readEntryKept,
  ReadCache,
  recallListing,
  KeepSession,
} from './sysctl-read-keep';
import type { ReadRequest, RegularRead, TreeReadPlan } from './sysctl-read-types';
import type { SysctlSources } from './engines/file-order';
import type { CredentialSource, SnapshotDirectory, SnapshotEntry } from './sysctl-snapshot';

/**
 * The synchronous sysctl reader: open non-blocking, fstat, read up to a cap.
 *
 * It runs in a worker thread (sysctl-read-thread.ts), whose code is these very
 * functions as text: so every function here calls only functions of its own module.
 * `fs` and the entry reader come in the kit and every constant comes in the plan,
 * because a transpiler rewrites module-level names and imports, and the thread sees
 * only the text it is given.
 * Whatever a hostile tree holds, no call here waits: a FIFO opens non-blocking
 * and is never read, a device is never read, a file is read to at most a cap.
 */

/** `fs` and the entry readers (sysctl-read-entry.ts), passed in rather than imported. */
export interface ReadKit {
  readonly fs: typeof NodeFs;
  readonly readEntry: typeof readEntrySync;
  readonly readRegular: typeof readRegularSync;
  /** What the thread keeps between reads (sysctl-read-keep.ts); none: every read is afresh. */
  readonly keeping?: Keeping;
}

/** The thread's cache and the functions that use it. */
export interface Keeping {
  readonly cache: ReadCache;
  readonly begin: typeof beginKeeping;
  readonly entry: typeof readEntryKept;
  readonly recallListing: typeof recallListing;
  readonly keepListing: typeof keepListing;
}

/** One tree read: the kit and, when the thread keeps files, this read's session. */
interface TreeRead {
  readonly kit: ReadKit;
  readonly session: KeepSession | null;
}

function beginTreeRead(kit: ReadKit, plan: TreeReadPlan): TreeRead {
  const keeping = kit.keeping;
  return { kit, session: keeping ? keeping.begin(kit.fs, keeping.cache, plan.keep) : null };
}

/** One entry as readEntrySync reads it; unchanged files come from the thread's cache. */
function readOne(
  read: TreeRead,
  root: string,
  dir: string,
  name: Buffer,
  link: boolean,
  options: { readonly conf: boolean; readonly maxBytes: number },
): SnapshotEntry {
  const { kit, session } = read;
  return session && kit.keeping
    ? kit.keeping.entry(session, kit.readEntry, root, dir, name, link, options)
    : kit.readEntry(kit.fs, root, dir, name, link, options);
}

export function answerRead(kit: ReadKit, request: ReadRequest): SysctlSources | RegularRead {
  if (request.kind === 'file') return kit.readRegular(kit.fs, request.path, request.maxBytes);
  return readTreeSync(beginTreeRead(kit, request.plan), request.plan);
}

function codeOfError(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/** lstat's answer: whether it is a link, absent, or the error code. */
function lookAt(kit: ReadKit, file: string): { link: boolean } | 'absent' | { code: string } {
  try {
    // No exception for the usual answer, "absent": building one costs more than the lstat.
    const info = kit.fs.lstatSync(file, { throwIfNoEntry: false });
    return info ? { link: info.isSymbolicLink() } : 'absent';
  } catch (error) {
    const code = codeOfError(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : { code };
  }
}

/**
 * The credential systemd-sysctl would get at boot (see sysctl-credential.ts), or null.
 * The service manager copies it in first: never a FIFO or device to systemd-sysctl, but
 * what an unreadable one would hold is not known here.
 */
function readCredentialSync(read: TreeRead, plan: TreeReadPlan): CredentialSource | null {
  const kit = read.kit;
  const name = plan.credentialName;
  for (const { dir, passedIn } of plan.credentialDirectories) {
    const path = `${dir}/${name}`;
    const looked = lookAt(kit, `${plan.root}${path}`);
    if (looked === 'absent') continue;
    if ('code' in looked) {
      const reason = `cannot be looked at (${looked.code})`;
      return {
        path,
        passedIn,
        entry: { name, kind: 'unreadable', reason, effect: 'not-readable' },
      };
    }
    const entry = readOne(read, plan.root, dir, Buffer.from(name), looked.link, {
      conf: false,
      maxBytes: plan.credentialMaxBytes,
    });
    if (entry.kind === 'unreadable' && entry.effect !== undefined) {
      return { path, passedIn, entry: { ...entry, effect: 'not-readable' } };
    }
    return { path, passedIn, entry };
  }
  return null;
}

/** Every sysctl source below the plan's root (see sysctl-sources.ts for the rules). */
function readTreeSync(read: TreeRead, plan: TreeReadPlan): SysctlSources {
  const kit = read.kit;
  const problems: string[] = [];
  const unlisted: string[] = [];
  const directories: SnapshotDirectory[] = [];
  const seen = new Set<string>();
  let budget = plan.maxFilesTotal;
  for (const dir of plan.directories) {
    const where = `${plan.root}${dir}`;
    let info: NodeFs.BigIntStats | undefined;
    try {
      info = kit.fs.statSync(where, { bigint: true, throwIfNoEntry: false });
      if (!info?.isDirectory()) continue;
    } catch (error) {
      const code = codeOfError(error);
      if (code === 'ENOENT') continue;
      problems.push(`${dir}: cannot be read (${code})`);
      unlisted.push(dir);
      continue;
    }
    // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; read it once.
    const id = `${info.dev}:${info.ino}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const confs = listConfs(read, where, info);
    if ('code' in confs) {
      problems.push(`${dir}: cannot be listed (${confs.code})`);
      if (confs.code !== 'ENOENT' && confs.code !== 'ENOTDIR') unlisted.push(dir);
      continue;
    }
    const limit = Math.min(plan.maxFilesPerDirectory, budget);
    const truncated = confs.length > limit;
    if (truncated) {
      problems.push(
        `${dir}: skipped: holds ${confs.length} *.conf files; only the first ${limit} by name were read, so the values at boot may differ from what is shown`,
      );
    }
    const chosen = confs.slice(0, Math.max(0, limit));
    budget -= chosen.length;
    const options = { conf: false, maxBytes: plan.maxBytes };
    const entries = chosen.map((e) => readOne(read, plan.root, dir, e.name, e.link, options));
    directories.push(truncated ? { dir, entries, truncated } : { dir, entries });
  }
  const conf = lookAt(kit, `${plan.root}${plan.confDir}/${plan.confName}`);
  const sysctlConf =
    conf !== 'absent' && 'link' in conf
      ? readOne(read, plan.root, plan.confDir, Buffer.from(plan.confName), conf.link, {
          conf: true,
          maxBytes: plan.maxBytes,
        })
      : null;
  const credential = readCredentialSync(read, plan);
  return { directories, sysctlConf, problems, unlisted, credential };
}

/**
 * A directory's `*.conf` entries sorted by name, from the cache when the directory is
 * unchanged since a read that kept them.
 */
function listConfs(
  read: TreeRead,
  where: string,
  info: NodeFs.BigIntStats,
): Listed[] | { code: string } {
  const { kit, session } = read;
  const kept = session && kit.keeping?.recallListing(session, where, info);
  if (kept) return kept;
  let listing: NodeFs.Dirent<Buffer>[];
  try {
    listing = kit.fs.readdirSync(where, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    return { code: codeOfError(error) };
  }
  // By bytes: a name that is not UTF-8 must still be opened, sorted and compared as is.
  const suffix = Buffer.from('.conf');
  const confs = listing
    .filter((e) => e.name.length >= 5 && suffix.compare(e.name, e.name.length - 5) === 0)
    .sort((a, b) => Buffer.compare(a.name, b.name))
    .map((e) => ({ name: e.name, link: e.isSymbolicLink() }));
  if (session) kit.keeping?.keepListing(session, where, info, confs);
  return confs;
}

/** Every function the thread needs; `answerRead` is the way in. */
export const TREE_READ_FUNCTIONS = [
  answerRead,
  beginTreeRead,
  readOne,
  listConfs,
  codeOfError,
  lookAt,
  readCredentialSync,
  readTreeSync,
] as const;
