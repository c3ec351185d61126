import type { ChangedSettings, SettingId, SysctlDFile } from '../contract';
import { compareNameBytes } from './engines/byte-text';
import { DEFAULT_FILE_NAME, validateFileName } from './file-name';
import { SETTINGS } from './settings';

/** A file of /etc/sysctl.d the app may write into by its name: editable, and a valid name. */
function isWritable(file: SysctlDFile): boolean {
  return file.kind === 'file' && file.problem === null && validateFileName(file.name).ok;
}

/**
 * The writable /etc/sysctl.d file that sets `key` and decides it at boot among them: both
 * engines apply /etc/sysctl.d files in name order (by bytes), so the last one that has a
 * line with a value for the key. Null when none does.
 */
function decidingFile(files: readonly SysctlDFile[], key: string): SysctlDFile | null {
  const setting = files
    .filter((f) => isWritable(f) && f.keyLines.some((l) => l.key === key && l.value !== null))
    .sort((a, b) => compareNameBytes(a.name, b.name));
  return setting[setting.length - 1] ?? null;
}

/**
 * The default target for a change of `ids`: a file that already sets one of the keys
 * being changed, so a second file never competes with it, else the app's own default
 * file. When the changed keys are decided by different files, the one that sorts last:
 * both keys written there then come after each other file's line, so neither loses at
 * boot to the file that was not chosen. A key no file sets never pulls the change into
 * someone else's file that only sets the other key.
 */
export function suggestFileName(files: readonly SysctlDFile[], ids: readonly SettingId[]): string {
  const deciding = SETTINGS.filter((s) => ids.includes(s.id))
    .flatMap((s) => {
      const file = decidingFile(files, s.key);
      return file ? [file] : [];
    })
    .sort((a, b) => compareNameBytes(a.name, b.name));
  return deciding[deciding.length - 1]?.name ?? DEFAULT_FILE_NAME;
}

/** The default target for each change the UI can have pending: one setting, or both. */
export function suggestFileNames(
  files: readonly SysctlDFile[],
): Readonly<Record<ChangedSettings, string>> {
  return {
    ipv4: suggestFileName(files, ['ipv4']),
    ipv6: suggestFileName(files, ['ipv6']),
    both: suggestFileName(files, ['ipv4', 'ipv6']),
  };
}
