import type { ApiError } from '../contract';
import { byteTextToUtf8, bytesToText, type ByteText } from './engines/byte-text';
import type { SysctlSources } from './engines/file-order';
import { tokenizeSysctl } from './engines/tokenize';
import type { SnapshotEntry } from './sysctl-snapshot';
import { SYSCTL_D } from './sysctl-d-files';

/** A file that a new /etc/sysctl.d/NAME would keep both engines from reading. */
export interface HiddenFile {
  /** System path, e.g. /usr/lib/sysctl.d/50-pid-max.conf. */
  readonly path: string;
  readonly entry: SnapshotEntry;
}

/**
 * The file a new /etc/sysctl.d/NAME would hide at boot, or null when it hides none.
 *
 * Both engines apply only the first entry of each name, in the order /etc, /run,
 * /usr/local/lib, /usr/lib, /lib (engines/file-order.ts), so a new name in /etc
 * replaces a same-named file in any later directory: a vendor's settings would
 * silently stop being applied. A name /etc/sysctl.d already holds hides nothing new.
 */
export function findHiddenFile(sources: SysctlSources, name: string): HiddenFile | null {
  const etc = sources.directories.find((d) => d.dir === SYSCTL_D);
  if (etc?.entries.some((e) => e.name === name)) return null;
  return findSameNameLater(sources, name);
}

/**
 * The first same-named entry of a directory after /etc/sysctl.d: what /etc/sysctl.d/NAME
 * hides now, and what would apply again at boot if that file went away.
 */
export function findSameNameLater(sources: SysctlSources, name: string): HiddenFile | null {
  for (const directory of sources.directories) {
    if (directory.dir === SYSCTL_D) continue;
    const entry = directory.entries.find((e) => e.name === name);
    if (entry) return { path: `${directory.dir}/${entry.name}`, entry };
  }
  return null;
}

/** The `key = value` lines systemd-sysctl applies from a hidden file, as it reads them. */
function settingsOf(entry: SnapshotEntry): string[] {
  if (entry.kind !== 'file') return [];
  return tokenizeSysctl(bytesToText(entry.content))
    .systemd.filter((s) => s.kind === 'assignment' && s.value !== null)
    .map((s) => `${byteTextToUtf8(s.key as ByteText)} = ${byteTextToUtf8(s.value as ByteText)}`);
}

/** The refusal as data: which file would be hidden, and which settings it applies. */
export function hiddenFileError(name: string, hidden: HiddenFile): ApiError {
  const kind = hidden.entry.kind;
  return {
    code: 'file-name-hides-file',
    data: {
      from: 'hidden-file',
      code: 'file-name-hides-file',
      name,
      path: hidden.path,
      hidden: kind === 'masked' ? 'masked' : kind === 'file' ? 'file' : 'other',
      settings: settingsOf(hidden.entry),
    },
  };
}
