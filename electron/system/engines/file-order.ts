import type { SnapshotEntry, SysctlSnapshot } from '../sysctl-snapshot';
import { compareNameBytes } from './byte-text';
import type { Engine } from './statement';

/** The part of a snapshot the boot model reads: where the files are and what they hold. */
export type SysctlSources = Pick<SysctlSnapshot, 'directories' | 'sysctlConf' | 'problems'>;

/** One file an engine applies, in its order. */
export interface OrderedFile {
  /** System path, e.g. /etc/sysctl.d/99-sysctl.conf. */
  readonly path: string;
  readonly name: string;
  readonly entry: SnapshotEntry;
}

export const SYSCTL_CONF_PATH = '/etc/sysctl.conf';

/**
 * systemd's hidden_or_backup_file() (src/basic/fs-util.c): FOREACH_DIRENT skips
 * dot files, so conf_files_list() never sees them. A name ending in ".conf"
 * cannot carry one of its backup suffixes, so only the dot matters here.
 */
function hiddenForSystemd(name: string): boolean {
  return name.startsWith('.');
}

/**
 * The files one engine applies, in order.
 *
 * Both list every `*.conf` entry of the directories in priority order and keep
 * the first entry of each name, whatever it is: conf_files_list_strv() is
 * called with no flags (no stat, no type check, no mask filter), and procps'
 * PreloadSystem() compares names only. So a directory, a dangling link or a
 * FIFO named like a lower file hides it, and a /dev/null link hides it because
 * it reads as empty. Both sort by strcmp() of the name, i.e. by bytes.
 * systemd-sysctl skips dot files; procps reads them (its only test is a name of
 * at least 5 bytes ending in ".conf"). procps then applies /etc/sysctl.conf
 * last if stat() says it is a regular file; systemd 252 reads it only through
 * a 99-sysctl.conf link.
 */
export function orderFiles(sources: SysctlSources, engine: Engine): OrderedFile[] {
  const byName = new Map<string, OrderedFile>();
  for (const directory of sources.directories) {
    for (const entry of directory.entries) {
      if (!entry.name.endsWith('.conf') || byName.has(entry.name)) continue;
      byName.set(entry.name, { path: `${directory.dir}/${entry.name}`, name: entry.name, entry });
    }
  }
  const files = [...byName.values()]
    .filter((f) => engine === 'procps' || !hiddenForSystemd(f.name))
    .sort((a, b) => compareNameBytes(a.name, b.name));
  const conf = sources.sysctlConf;
  if (engine === 'procps' && conf && (conf.kind === 'file' || conf.kind === 'skipped')) {
    files.push({ path: SYSCTL_CONF_PATH, name: 'sysctl.conf', entry: conf });
  }
  return files;
}
