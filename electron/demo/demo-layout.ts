import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file in a simulated system; `link` makes a symlink instead of a regular file. */
export type DemoEntry =
  | { readonly content: string; readonly executable?: true }
  | { readonly link: string }
  | { readonly dir: true };

/**
 * Directories from `dir` up to (not including) the root get mode 755 whatever the umask,
 * as on a real system: the helper check refuses a directory others can write.
 */
async function fixDirectoryModes(fsRoot: string, dir: string): Promise<void> {
  for (let d = dir; d.startsWith(`${fsRoot}${path.sep}`); d = path.dirname(d)) {
    await chmod(d, 0o755);
  }
}

/** Writes simulated system paths below `fsRoot` (a demo computer's or its node's root). */
export async function layEntries(
  fsRoot: string,
  entries: Readonly<Record<string, DemoEntry>>,
): Promise<void> {
  for (const [systemPath, entry] of Object.entries(entries)) {
    const target = path.join(fsRoot, systemPath);
    if ('dir' in entry) {
      await mkdir(target, { recursive: true });
      await fixDirectoryModes(fsRoot, target);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await fixDirectoryModes(fsRoot, path.dirname(target));
    if ('link' in entry) await symlink(entry.link, target);
    else {
      const mode = entry.executable ? 0o755 : 0o644;
      await writeFile(target, entry.content, { mode });
      await chmod(target, mode);
    }
  }
}
