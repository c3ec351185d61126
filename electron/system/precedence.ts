import type { SourceFile, SysctlSources } from './sysctl-sources';
import { compareNames } from './sysctl-sources';

export type Engine = 'systemd' | 'procps';

/** One assignment of a key, in the order the engine applies it. */
export interface AppliedAssignment {
  readonly path: string;
  readonly line: number;
  readonly value: string;
}

export interface KeyResolution {
  /** In apply order; the last one is the winner. Empty: no file sets the key. */
  readonly assignments: readonly AppliedAssignment[];
  readonly winner: AppliedAssignment | null;
  /** Glob lines (e.g. net.ipv4.*) that would also match this key. */
  readonly globs: readonly AppliedAssignment[];
}

/** Directory priority of systemd-sysctl: earlier overrides later for the same file name. */
const SYSTEMD_DIRS = [
  '/etc/sysctl.d',
  '/run/sysctl.d',
  '/usr/local/lib/sysctl.d',
  '/usr/lib/sysctl.d',
  '/lib/sysctl.d',
];
const PROCPS_DIRS = SYSTEMD_DIRS;

/**
 * systemd-sysctl, as sysctl.d(5) describes: "Files in /etc/ override files with
 * the same name in /run/, /usr/local/lib/, and /usr/lib/. Files in /run/ override
 * files with the same name under /usr/." A symlink to /dev/null masks the name.
 * "All configuration files are sorted by their filename in lexicographic order,
 * regardless of which of the directories they reside in." /etc/sysctl.conf is
 * not read by itself, only through the usual 99-sysctl.conf link.
 */
export function orderForSystemd(sources: SysctlSources): SourceFile[] {
  const byName = new Map<string, SourceFile>();
  for (const dir of SYSTEMD_DIRS) {
    for (const file of sources.directories.get(dir) ?? []) {
      if (!byName.has(file.name)) byName.set(file.name, file);
    }
  }
  return [...byName.values()].filter((f) => !f.masked).sort((a, b) => compareNames(a.name, b.name));
}

/**
 * procps-ng `sysctl --system`, as sysctl(8) "SYSTEM FILE PRECEDENCE" says: the
 * directories are read in order and "once a file of a given filename is loaded,
 * any file of the same name in subsequent directories is ignored"; files are
 * sorted lexicographically regardless of directory, and /etc/sysctl.conf comes last.
 */
export function orderForProcps(sources: SysctlSources): SourceFile[] {
  const byName = new Map<string, SourceFile>();
  for (const dir of PROCPS_DIRS) {
    for (const file of sources.directories.get(dir) ?? []) {
      if (!byName.has(file.name)) byName.set(file.name, file);
    }
  }
  const ordered = [...byName.values()].sort((a, b) => compareNames(a.name, b.name));
  return sources.sysctlConf ? [...ordered, sources.sysctlConf] : ordered;
}

function globMatches(pattern: string, key: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^.]*')
      .replace(/\?/g, '[^.]')}$`,
  );
  return regex.test(key);
}

/** Resolves one key over files in apply order: the last assignment wins (sysctl.d(5)). */
export function resolveKey(files: readonly SourceFile[], key: string): KeyResolution {
  const assignments: AppliedAssignment[] = [];
  const globs: AppliedAssignment[] = [];
  for (const file of files) {
    for (const a of file.assignments) {
      if (a.isGlob) {
        if (globMatches(a.key, key)) globs.push({ path: file.path, line: a.line, value: a.value });
      } else if (a.key === key) {
        assignments.push({ path: file.path, line: a.line, value: a.value });
      }
    }
  }
  return { assignments, winner: assignments[assignments.length - 1] ?? null, globs };
}

export function resolveForEngine(
  sources: SysctlSources,
  engine: Engine,
  key: string,
): KeyResolution {
  return resolveKey(engine === 'systemd' ? orderForSystemd(sources) : orderForProcps(sources), key);
}
