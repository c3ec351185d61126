import { lstatSync, readdirSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import { readSmallTextFile } from './read-small-file';
import path from 'node:path';
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

function readSourceFile(
  ctx: SystemContext,
  dir: string,
  entry: { name: string; isSymlink: boolean },
  problems: string[],
): SourceFile | null {
  const systemPath = `${dir}/${entry.name}`;
  const real = resolveSystemPath(ctx, systemPath);
  let linkTarget: string | null = null;
  try {
    if (entry.isSymlink) linkTarget = readlinkSync(real);
  } catch (error) {
    problems.push(`${systemPath}: cannot be read (${code(error)})`);
    return null;
  }
  if (linkTarget === '/dev/null') {
    return { dir, name: entry.name, path: systemPath, masked: true, linkTarget, assignments: [] };
  }
  let text: string;
  try {
    // An absolute link (99-sysctl.conf -> /etc/sysctl.conf) names a system path: below a
    // test or demo root it must be read there, never from the host.
    const target =
      linkTarget !== null && path.isAbsolute(linkTarget)
        ? resolveSystemPath(ctx, linkTarget)
        : real;
    text = readSmallTextFile(target);
  } catch (error) {
    problems.push(`${systemPath}: cannot be read (${code(error)})`);
    return null;
  }
  // Only our keys and glob lines matter to the resolver; most vendor files have neither,
  // and skipping their parse keeps a state read far below one `sysctl -n` spawn.
  const relevant = text.includes('nonlocal_bind') || /[*?[]/.test(text);
  const assignments = (relevant ? parseSysctlText(text) : []).flatMap((p) =>
    p.kind === 'assignment'
      ? [{ key: p.key, value: p.value, line: p.line.number, isGlob: p.isGlob }]
      : [],
  );
  return { dir, name: entry.name, path: systemPath, masked: false, linkTarget, assignments };
}

/** C-locale order, as both engines sort (strcmp / versionsort-free qsort). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads every sysctl source below the context's root. A directory that is the
 * same as an earlier one (merged /usr: /lib -> usr/lib) is read only once.
 */
// Synchronous reads on purpose: hundreds of tiny files read in one go are an order of
// magnitude faster than a promise round trip per file (see `npm run bench`).
export async function readSysctlSources(ctx: SystemContext): Promise<SysctlSources> {
  const problems: string[] = [];
  const directories = new Map<string, SourceFile[]>();
  const seenReal = new Set<string>();
  for (const dir of SYSCTL_DIRECTORIES) {
    const real = resolveSystemPath(ctx, dir);
    let identity: string;
    try {
      // No exception for the usual missing directories: exceptions are the slow path.
      const info = statSync(real, { throwIfNoEntry: false });
      if (!info || !info.isDirectory()) continue;
      identity = `${info.dev}:${info.ino}`;
    } catch (error) {
      problems.push(`${dir}: cannot be read (${code(error)})`);
      continue;
    }
    // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; read it once.
    if (seenReal.has(identity)) continue;
    seenReal.add(identity);
    const canonical = real;
    let entries: Dirent[];
    try {
      entries = readdirSync(canonical, { withFileTypes: true });
    } catch (error) {
      problems.push(`${dir}: cannot be listed (${code(error)})`);
      continue;
    }
    const files: SourceFile[] = [];
    const confs = entries
      .filter((e) => e.name.endsWith('.conf'))
      .sort((a, b) => compareNames(a.name, b.name));
    for (const e of confs) {
      const file = readSourceFile(
        ctx,
        dir,
        { name: e.name, isSymlink: e.isSymbolicLink() },
        problems,
      );
      if (file) files.push(file);
    }
    directories.set(dir, files);
  }
  let sysctlConf: SourceFile | null = null;
  const confInfo = lstatSync(resolveSystemPath(ctx, SYSCTL_CONF), { throwIfNoEntry: false });
  if (confInfo) {
    const entry = { name: path.basename(SYSCTL_CONF), isSymlink: confInfo.isSymbolicLink() };
    sysctlConf = readSourceFile(ctx, path.dirname(SYSCTL_CONF), entry, problems);
  }
  return { directories, sysctlConf, problems };
}
