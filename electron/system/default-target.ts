import type { SettingId, SysctlDFile } from '../contract';
import { compareNameBytes } from './engines/byte-text';
import { validateFileName } from './file-name';
import type { Catalogue } from './settings';

/** A file of /etc/sysctl.d the app may write into by its name: editable, and a valid name. */
function isWritable(file: SysctlDFile): boolean {
  return file.kind === 'file' && file.problem === null && validateFileName(file.name).ok;
}

/**
 * Per setting, the writable /etc/sysctl.d file that sets it and decides it at boot among
 * them: both engines apply /etc/sysctl.d files in name order (by bytes), so the last one
 * that has a line with a value for the key. A setting no such file sets has no entry.
 * The default target of a change is picked from these (renderer/src/state/selectors.ts).
 */
export function decidingFiles(
  files: readonly SysctlDFile[],
  catalogue: Catalogue,
): Record<SettingId, string> {
  const writable = files.filter(isWritable).sort((a, b) => compareNameBytes(a.name, b.name));
  const deciding: Record<SettingId, string> = {};
  for (const setting of catalogue) {
    const sets = (f: SysctlDFile) =>
      f.keyLines.some((l) => l.key === setting.key && l.value !== null);
    const last = writable.filter(sets).pop();
    if (last) deciding[setting.id] = last.name;
  }
  return deciding;
}
