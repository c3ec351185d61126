import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CONFIG_BYTES, readRegularText } from './safe-read';
import { parseSysctlText } from './sysctl-syntax';
import { resolveSystemPath, type SystemContext } from './system-context';

/** One assignment line as the engines see it. */
export interface SourceAssignment {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly isGlob: boolean;
}

/** One configuration file found in a sysctl directory (or /etc/sysctl.conf). */
export interface SourceFile {
  /** System path of the directory as listed, e.g. /usr/lib/sysctl.d. */
  readonly dir: string;
  readonly name: string;
  /** System path, e.g. /etc/sysctl.d/99-sysctl.conf. */
  readonly path: string;
  /** A symlink to /dev/null masks the name under systemd-sysctl (and reads as empty elsewhere). */
  readonly masked: boolean;
  readonly linkTarget: string | null;
  /**
   * False when the entry exists but could not be read (a directory, a dangling
   * link, a loop, a FIFO, too large): it sets nothing, yet both engines still
   * let it hide a file of the same name in a later directory.
   */
  readonly readable: boolean;
  /** Assignments that can concern our keys (exact keys and globs); other files' lines are not kept. */
  readonly assignments: readonly SourceAssignment[];
}

export interface SysctlSources {
  /** Directory system path -> its `*.conf` files sorted by name; only directories that exist. */
  readonly directories: ReadonlyMap<string, readonly SourceFile[]>;
  readonly sysctlConf: SourceFile | null;
  /** Unreadable files and directories, in words; reported, never fatal. */
  readonly problems: readonly string[];
}

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
export const SYSCTL_CONF = '/etc/sysctl.conf';

function code(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

/** At most this many `*.conf` entries are read per directory, and this many in all. */
export const MAX_FILES_PER_DIRECTORY = 2000;
export const MAX_FILES_TOTAL = 5000;

function unreadable(dir: string, name: string, linkTarget: string | null): SourceFile {
  return {
    dir,
    name,
    path: `${dir}/${name}`,
    masked: false,
    linkTarget,
    readable: false,
    assignments: [],
  };
}

async function readSourceFile(
  ctx: SystemContext,
  dir: string,
  entry: { name: string; isSymlink: boolean },
  problems: string[],
): Promise<SourceFile> {
  const systemPath = `${dir}/${entry.name}`;
  const real = resolveSystemPath(ctx, systemPath);
  let linkTarget: string | null = null;
  try {
    if (entry.isSymlink) linkTarget = await readlink(real);
  } catch (error) {
    problems.push(`${systemPath}: cannot be read (${code(error)})`);
    return unreadable(dir, entry.name, null);
  }
  if (linkTarget === '/dev/null') {
    return {
      dir,
      name: entry.name,
      path: systemPath,
      masked: true,
      linkTarget,
      readable: true,
      assignments: [],
    };
  }
  // An absolute link (99-sysctl.conf -> /etc/sysctl.conf) names a system path: below a
  // test or demo root it must be read there, never from the host.
  const target =
    linkTarget !== null && path.isAbsolute(linkTarget) ? resolveSystemPath(ctx, linkTarget) : real;
  const read = await readRegularText(target, MAX_CONFIG_BYTES);
  if (read.kind !== 'read') {
    const why = read.kind === 'missing' ? 'a link to a file that does not exist' : read.reason;
    problems.push(`${systemPath}: ${why}`);
    return unreadable(dir, entry.name, linkTarget);
  }
  const text = read.text;
  // Only our keys and glob lines matter to the resolver; most vendor files have neither,
  // and skipping their parse keeps a state read far below one `sysctl -n` spawn.
  const relevant = text.includes('nonlocal_bind') || /[*?[]/.test(text);
  const assignments = (relevant ? parseSysctlText(text) : []).flatMap((p) =>
    p.kind === 'assignment'
      ? [{ key: p.key, value: p.value, line: p.line.number, isGlob: p.isGlob }]
      : [],
  );
  return {
    dir,
    name: entry.name,
    path: systemPath,
    masked: false,
    linkTarget,
    readable: true,
    assignments,
  };
}

/** C-locale order, as both engines sort (strcmp / versionsort-free qsort). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads every sysctl source below the context's root. A directory that is the
 * same as an earlier one (merged /usr: /lib -> usr/lib) is read only once.
 * Reads are asynchronous and bounded (see safe-read.ts): a FIFO, a device, a
 * huge file or a directory of 100,000 files is reported, never waited on.
 */
export async function readSysctlSources(ctx: SystemContext): Promise<SysctlSources> {
  const problems: string[] = [];
  const directories = new Map<string, SourceFile[]>();
  const seenDirectories = new Set<string>();
  let budget = MAX_FILES_TOTAL;
  for (const dir of SYSCTL_DIRECTORIES) {
    const real = resolveSystemPath(ctx, dir);
    let identity: string;
    try {
      const info = await stat(real);
      if (!info.isDirectory()) continue;
      identity = `${info.dev}:${info.ino}`;
    } catch (error) {
      if (code(error) !== 'ENOENT') problems.push(`${dir}: cannot be read (${code(error)})`);
      continue;
    }
    // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; read it once.
    if (seenDirectories.has(identity)) continue;
    seenDirectories.add(identity);
    let entries: Dirent[];
    try {
      entries = await readdir(real, { withFileTypes: true });
    } catch (error) {
      problems.push(`${dir}: cannot be listed (${code(error)})`);
      continue;
    }
    const confs = entries
      .filter((e) => e.name.endsWith('.conf'))
      .sort((a, b) => compareNames(a.name, b.name));
    const limit = Math.min(MAX_FILES_PER_DIRECTORY, budget);
    if (confs.length > limit) {
      problems.push(
        `${dir}: skipped: holds ${confs.length} *.conf files; only the first ${limit} by name were read, so the values at boot may differ from what is shown`,
      );
    }
    const taken = confs.slice(0, Math.max(0, limit));
    budget -= taken.length;
    const files = await Promise.all(
      taken.map((e) =>
        readSourceFile(ctx, dir, { name: e.name, isSymlink: e.isSymbolicLink() }, problems),
      ),
    );
    directories.set(dir, files);
  }
  let sysctlConf: SourceFile | null = null;
  const confInfo = await lstat(resolveSystemPath(ctx, SYSCTL_CONF)).catch(() => null);
  if (confInfo) {
    const entry = { name: path.basename(SYSCTL_CONF), isSymlink: confInfo.isSymbolicLink() };
    sysctlConf = await readSourceFile(ctx, path.dirname(SYSCTL_CONF), entry, problems);
  }
  return { directories, sysctlConf, problems };
}
