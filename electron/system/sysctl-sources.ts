import { lstat, readdir, readFile, readlink, realpath } from 'node:fs/promises';
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

async function readSourceFile(
  ctx: SystemContext,
  dir: string,
  name: string,
  problems: string[],
): Promise<SourceFile | null> {
  const systemPath = `${dir}/${name}`;
  const real = resolveSystemPath(ctx, systemPath);
  let linkTarget: string | null = null;
  try {
    const info = await lstat(real);
    if (info.isSymbolicLink()) linkTarget = await readlink(real);
  } catch (error) {
    problems.push(`${systemPath}: cannot be read (${code(error)})`);
    return null;
  }
  if (linkTarget === '/dev/null') {
    return { dir, name, path: systemPath, masked: true, linkTarget, assignments: [] };
  }
  let text: string;
  try {
    text = await readFile(real, 'utf8');
  } catch (error) {
    problems.push(`${systemPath}: cannot be read (${code(error)})`);
    return null;
  }
  const assignments = parseSysctlText(text).flatMap((p) =>
    p.kind === 'assignment'
      ? [{ key: p.key, value: p.value, line: p.line.number, isGlob: p.isGlob }]
      : [],
  );
  return { dir, name, path: systemPath, masked: false, linkTarget, assignments };
}

/** C-locale order, as both engines sort (strcmp / versionsort-free qsort). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads every sysctl source below the context's root. A directory that is the
 * same as an earlier one (merged /usr: /lib -> usr/lib) is read only once.
 */
export async function readSysctlSources(ctx: SystemContext): Promise<SysctlSources> {
  const problems: string[] = [];
  const directories = new Map<string, SourceFile[]>();
  const seenReal = new Set<string>();
  for (const dir of SYSCTL_DIRECTORIES) {
    const real = resolveSystemPath(ctx, dir);
    let canonical: string;
    try {
      canonical = await realpath(real);
    } catch (error) {
      if (code(error) !== 'ENOENT') problems.push(`${dir}: cannot be read (${code(error)})`);
      continue;
    }
    if (seenReal.has(canonical)) continue;
    seenReal.add(canonical);
    let names: string[];
    try {
      names = (await readdir(canonical)).filter((n) => n.endsWith('.conf')).sort(compareNames);
    } catch (error) {
      problems.push(`${dir}: cannot be listed (${code(error)})`);
      continue;
    }
    const files: SourceFile[] = [];
    for (const name of names) {
      const file = await readSourceFile(ctx, dir, name, problems);
      if (file) files.push(file);
    }
    directories.set(dir, files);
  }
  const confExists = await lstat(resolveSystemPath(ctx, SYSCTL_CONF)).then(
    () => true,
    () => false,
  );
  const sysctlConf = confExists
    ? await readSourceFile(ctx, path.dirname(SYSCTL_CONF), path.basename(SYSCTL_CONF), problems)
    : null;
  return { directories, sysctlConf, problems };
}
