import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One hash over every path, type, mode and content below `root`, to prove nothing changed. */
export async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const info = await lstat(full);
      hash.update(`${path.relative(root, full)}\0${info.mode}\0`);
      if (info.isSymbolicLink()) hash.update(await readlink(full));
      else if (info.isDirectory()) await walk(full);
      else hash.update(await readFile(full));
    }
  };
  await walk(root);
  return hash.digest('hex');
}

/**
 * A cheap per-call check: every path with its inode, size and change/modify times in
 * nanoseconds. Any write, rename, chmod or new file changes it; fuzz loops use it after
 * every request and hashTree() for the byte-exact comparison at the end.
 */
export function statFingerprint(root: string): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const s = lstatSync(full, { bigint: true });
      parts.push(`${full}:${s.ino}:${s.size}:${s.mode}:${s.mtimeNs}:${s.ctimeNs}`);
      if (s.isDirectory()) walk(full);
    }
  };
  walk(root);
  return parts.join('\n');
}
