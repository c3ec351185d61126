import { SYSCTL_CONF_PATH } from '../contract';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareBytes } from './engines/byte-text';
import type { SysctlSources } from './engines/file-order';
import { readSysctlCredential } from './sysctl-credential';
import { readEntry } from './sysctl-entry';
import type { SnapshotDirectory, SnapshotEntry } from './sysctl-snapshot';
import { resolveSystemPath, type SystemContext } from './system-context';

export type { SysctlSources } from './engines/file-order';

/**
 * sysctl.d(5): systemd-sysctl reads /etc, /run, /usr/local/lib and /usr/lib;
 * sysctl(8) of procps-ng (SYSTEM FILE PRECEDENCE) adds /lib/sysctl.d and /etc/sysctl.conf.
 */
export const SYSCTL_DIRECTORIES = [
  '/etc/sysctl.d',
  '/run/sysctl.d',
  '/usr/local/lib/sysctl.d',
  '/usr/lib/sysctl.d',
  '/lib/sysctl.d',
] as const;
export const SYSCTL_CONF = SYSCTL_CONF_PATH;

function code(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

/** At most this many `*.conf` entries are read per directory, and this many in all. */
export const MAX_FILES_PER_DIRECTORY = 2000;
export const MAX_FILES_TOTAL = 5000;

const CONF_SUFFIX = Buffer.from('.conf');

function endsWithConf(name: Buffer): boolean {
  return (
    name.length >= CONF_SUFFIX.length && name.subarray(-CONF_SUFFIX.length).equals(CONF_SUFFIX)
  );
}

/** Codes that mean "not there" rather than "there, but the app may not look". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Reads every sysctl source below the context's root into a snapshot, the
 * same shape a node's read script yields, so one boot model serves both. A
 * directory that is the same as an earlier one (merged /usr: /lib -> usr/lib)
 * is read only once. Reads are asynchronous and bounded (see safe-read.ts): a
 * FIFO, a device, a huge file or a directory of 100,000 files is reported,
 * never waited on.
 */
export async function readSysctlSources(ctx: SystemContext): Promise<SysctlSources> {
  // Each step looks at every directory at once, not one after the other: each call is
  // a round trip through libuv's thread pool, and the state is read often. Problems are
  // kept per directory, so they read in directory order whichever step found them.
  const [looked, confInfo, credential] = await Promise.all([
    Promise.all(
      SYSCTL_DIRECTORIES.map(async (dir) => ({
        dir,
        identity: await identifyDirectory(ctx, dir),
        problems: [] as string[],
      })),
    ),
    lstat(resolveSystemPath(ctx, SYSCTL_CONF)).catch(() => null),
    readSysctlCredential(ctx),
  ]);
  // Directories the engines (root) may list but the app cannot: nothing there can be known.
  const unlisted: string[] = [];
  const seenDirectories = new Set<string>();
  const unique = looked.filter(({ dir, identity, problems }) => {
    if (identity.kind === 'problem') {
      problems.push(`${dir}: cannot be read (${identity.code})`);
      unlisted.push(dir);
    }
    if (identity.kind !== 'directory') return false;
    // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; read it once.
    if (seenDirectories.has(identity.id)) return false;
    seenDirectories.add(identity.id);
    return true;
  });
  const listed = await Promise.all(
    unique.map(async (d) => ({
      ...d,
      // By bytes: a name that is not UTF-8 must still be opened, sorted and compared as is.
      listing: await readdir(resolveSystemPath(ctx, d.dir), {
        withFileTypes: true,
        encoding: 'buffer',
      }).catch((error: unknown) => code(error)),
    })),
  );
  let budget = MAX_FILES_TOTAL;
  const chosen = listed.flatMap(({ dir, listing, problems }) => {
    if (typeof listing === 'string') {
      problems.push(`${dir}: cannot be listed (${listing})`);
      if (!ABSENT.has(listing)) unlisted.push(dir);
      return [];
    }
    const confs = listing
      .filter((e) => endsWithConf(e.name))
      .sort((a, b) => compareBytes(a.name, b.name));
    const limit = Math.min(MAX_FILES_PER_DIRECTORY, budget);
    if (confs.length > limit) {
      problems.push(
        `${dir}: skipped: holds ${confs.length} *.conf files; only the first ${limit} by name were read, so the values at boot may differ from what is shown`,
      );
    }
    const names = confs.slice(0, Math.max(0, limit));
    budget -= names.length;
    return [{ dir, names, truncated: confs.length > limit, entries: [] as SnapshotEntry[] }];
  });
  const reads = chosen.flatMap((d) => d.names.map((entry, i) => ({ d, entry, i })));
  const [, sysctlConf] = await Promise.all([
    // A bounded number of files open at once: thousands at a time would run into the
    // descriptor limit, and an entry that cannot be opened would hide a file at boot.
    forEachLimited(reads, MAX_OPEN_AT_ONCE, async ({ d, entry, i }) => {
      d.entries[i] = await readEntry(ctx, d.dir, entry.name, entry.isSymbolicLink());
    }),
    confInfo
      ? readEntry(
          ctx,
          path.dirname(SYSCTL_CONF),
          Buffer.from(path.basename(SYSCTL_CONF)),
          confInfo.isSymbolicLink(),
          { conf: true },
        )
      : Promise.resolve(null),
  ]);
  return {
    directories: chosen.map(({ dir, entries, truncated }): SnapshotDirectory =>
      truncated ? { dir, entries, truncated } : { dir, entries },
    ),
    sysctlConf,
    problems: looked.flatMap((d) => d.problems),
    unlisted,
    credential,
  };
}

/** Files read at the same time. */
const MAX_OPEN_AT_ONCE = 32;

/** Runs `task` on every item, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type DirectoryIdentity =
  | { readonly kind: 'absent' }
  | { readonly kind: 'problem'; readonly code: string }
  | { readonly kind: 'directory'; readonly id: string };

/** Whether a sysctl directory is there, and which directory it really is (device and inode). */
async function identifyDirectory(ctx: SystemContext, dir: string): Promise<DirectoryIdentity> {
  try {
    const info = await stat(resolveSystemPath(ctx, dir));
    return info.isDirectory()
      ? { kind: 'directory', id: `${info.dev}:${info.ino}` }
      : { kind: 'absent' };
  } catch (error) {
    return code(error) === 'ENOENT' ? { kind: 'absent' } : { kind: 'problem', code: code(error) };
  }
}

/**
 * The entries named `name` in every sysctl directory, in the engines' order, and nothing
 * else: enough to tell what /etc/sysctl.d/NAME hides or would uncover (hidden-file.ts).
 * A plan is worked out on every edit in the window, so this looks up one name per
 * directory instead of listing and reading them all. `name` is a validated file name.
 */
export async function readSameNamedEntries(
  ctx: SystemContext,
  name: string,
): Promise<SysctlSources> {
  const directories = await Promise.all(
    SYSCTL_DIRECTORIES.map(async (dir): Promise<SnapshotDirectory> => {
      const systemPath = `${dir}/${name}`;
      const info = await lstat(resolveSystemPath(ctx, systemPath)).catch(() => null);
      return {
        dir,
        entries: info ? [await readEntry(ctx, dir, Buffer.from(name), info.isSymbolicLink())] : [],
      };
    }),
  );
  return { directories, sysctlConf: null, problems: [] };
}
