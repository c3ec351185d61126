import type { ApiError } from '../contract';
import { byteTextToUtf8, bytesToText, type ByteText } from './engines/byte-text';
import type { SysctlSources } from './engines/file-order';
import { tokenizeSysctl } from './engines/tokenize';
import type { SnapshotEntry } from './sysctl-snapshot';
import { SYSCTL_D } from './sysctl-d-files';

/** How many of the hidden file's settings the refusal names before "and N more". */
const SETTINGS_SHOWN = 3;

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

function listSettings(settings: readonly string[]): string {
  const shown = settings.slice(0, SETTINGS_SHOWN);
  const more = settings.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** The refusal in words: which file would be hidden and which settings would no longer be set. */
export function describeHiddenFile(name: string, hidden: HiddenFile): ApiError {
  const start = `${name} would hide ${hidden.path} at boot`;
  const settings = settingsOf(hidden.entry);
  const consequence =
    hidden.entry.kind === 'masked'
      ? ' (a link to /dev/null: that name is masked on purpose, and a file of it in /etc/sysctl.d would undo the mask)'
      : hidden.entry.kind !== 'file'
        ? ', and whatever it sets would no longer be applied'
        : settings.length === 0
          ? ', and anything it sets later (it belongs to installed software or the running system) would be ignored'
          : `, and ${listSettings(settings)} would no longer be set`;
  return { code: 'file-name-hides-file', message: `${start}${consequence}. Choose another name.` };
}
