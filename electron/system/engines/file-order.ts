import type { SnapshotDirectory, SnapshotEntry, SysctlSnapshot } from '../sysctl-snapshot';
import { entryNameText } from './byte-text';
import type { Unpredictable } from './key-outcome';
import { globProcpsName } from './procps-file-glob';
import type { Engine } from './statement';

/** The part of a snapshot the boot model reads: where the files are and what they hold. */
export type SysctlSources = Pick<
  SysctlSnapshot,
  'directories' | 'sysctlConf' | 'problems' | 'unlisted' | 'credential'
>;

/** One file an engine applies, in its order. */
export interface OrderedFile {
  /** System path, e.g. /etc/sysctl.d/99-sysctl.conf. */
  readonly path: string;
  readonly name: string;
  readonly entry: SnapshotEntry;
}

/** The files an engine reads, in order, or why that cannot be known. */
export type FileOrder =
  | {
      readonly kind: 'files';
      readonly files: readonly OrderedFile[];
      /**
       * procps only: the paths one file name's glob matched, in the order strcoll()
       * sorts them in C.UTF-8; another locale may read them in another order.
       */
      readonly collated?: readonly (readonly string[])[];
    }
  | { readonly kind: 'unknown'; readonly why: Unpredictable };

export const SYSCTL_CONF_PATH = '/etc/sysctl.conf';

/**
 * systemd 252 as Debian builds it (no split-usr) lists four directories
 * (CONF_PATHS("sysctl.d"), see `strings systemd-sysctl`): /lib/sysctl.d is read
 * only by procps, which matters where /lib is not a link to /usr/lib.
 */
const NOT_READ_BY_SYSTEMD = new Set(['/lib/sysctl.d']);

/** What makes glob(3) treat a name as a pattern, braces included (GLOB_BRACE). */
const MAGIC = /[[*?{\\]/;

/**
 * The first entry of each name over the directories in priority order, sorted by
 * the name's bytes: both engines compare names with strcmp() (systemd's
 * conf_files_list_strv() hashmap and base_cmp(); procps' PreloadSystem() loop and
 * sortpairs()), so a name that is not UTF-8 sorts and overrides by its bytes too.
 * Both take an entry whatever it is: conf_files_list_strv() is called with no
 * flags (no stat, no type or mask filter), procps compares names only.
 */
function firstOfEachName(
  directories: readonly SnapshotDirectory[],
): { dir: SnapshotDirectory; entry: SnapshotEntry; bytes: string }[] {
  const byName = new Map<string, { dir: SnapshotDirectory; entry: SnapshotEntry; bytes: string }>();
  for (const dir of directories) {
    for (const entry of dir.entries) {
      const bytes = entryNameText(entry);
      if (!bytes.endsWith('.conf') || byName.has(bytes)) continue;
      byName.set(bytes, { dir, entry, bytes });
    }
  }
  // One character per byte: string order is strcmp()'s byte order.
  return [...byName.values()].sort((a, b) => (a.bytes < b.bytes ? -1 : a.bytes > b.bytes ? 1 : 0));
}

function ordered(dir: SnapshotDirectory, entry: SnapshotEntry): OrderedFile {
  return { path: `${dir.dir}/${entry.name}`, name: entry.name, entry };
}

/**
 * The files one engine reads, in order.
 *
 * systemd-sysctl: FOREACH_DIRENT skips dot files (hidden_or_backup_file(); a name
 * ending in ".conf" cannot carry a backup suffix), then reads the
 * `sysctl.extra` credential last (read_credential_lines(), after the files).
 * /etc/sysctl.conf only through a 99-sysctl.conf link.
 *
 * procps: every name of at least 5 bytes ending in ".conf", dot files too, each
 * through glob(3) (procps-file-glob.ts), then /etc/sysctl.conf last if stat()
 * says it is a regular file.
 */
export function orderFiles(sources: SysctlSources, engine: Engine): FileOrder {
  const dirs = sources.directories.filter(
    (d) => engine === 'procps' || !NOT_READ_BY_SYSTEMD.has(d.dir),
  );
  const unlisted = (sources.unlisted ?? []).find(
    (d) => engine === 'procps' || !NOT_READ_BY_SYSTEMD.has(d),
  );
  if (unlisted) return { kind: 'unknown', why: { code: 'directory-unlisted', path: unlisted } };
  const truncated = dirs.find((d) => d.truncated);
  if (truncated) return { kind: 'unknown', why: { code: 'too-many-files', path: truncated.dir } };
  const first = firstOfEachName(dirs);
  if (engine === 'systemd') {
    const files = first
      .filter(({ bytes }) => bytes[0] !== '.')
      .map(({ dir, entry }) => ordered(dir, entry));
    const credential = sources.credential;
    if (credential) {
      files.push({ path: credential.path, name: 'sysctl.extra', entry: credential.entry });
    }
    return { kind: 'files', files };
  }
  const files: OrderedFile[] = [];
  const collated: string[][] = [];
  // Each directory's names once, not once per file: a directory may hold thousands.
  const namesOf = new Map<SnapshotDirectory, Map<string, SnapshotEntry>>();
  for (const { dir, entry, bytes: name } of first) {
    let inDir = namesOf.get(dir);
    if (!inDir) {
      inDir = new Map(dir.entries.map((e) => [entryNameText(e), e]));
      namesOf.set(dir, inDir);
    }
    const glob = MAGIC.test(name)
      ? globProcpsName(name, [...inDir.keys()])
      : { kind: 'names' as const, names: [name] };
    if (glob.kind === 'unknown') {
      return {
        kind: 'unknown',
        why: { code: 'locale-dependent-glob', path: ordered(dir, entry).path },
      };
    }
    const read: string[] = [];
    for (const name of glob.names) {
      const found = inDir.get(name);
      // fopen() of a name that is not there fails, and Preload() stops this list.
      if (!found) break;
      const file = ordered(dir, found);
      files.push(file);
      read.push(file.path);
      if (found.kind === 'unreadable' && found.effect === 'open-fails') break;
    }
    if (read.length > 1 && /[*?[]/.test(name)) collated.push(read);
  }
  const conf = sources.sysctlConf;
  // A link to /dev/null, a FIFO or a device is not S_ISREG: skipped, never opened. The
  // reader marks a file it may not read as 'not-readable' (stat() would say).
  if (
    conf &&
    (conf.kind === 'file' ||
      conf.kind === 'skipped' ||
      (conf.kind === 'unreadable' && conf.effect === 'not-readable'))
  ) {
    files.push({ path: SYSCTL_CONF_PATH, name: 'sysctl.conf', entry: conf });
  }
  return { kind: 'files', files, collated };
}
