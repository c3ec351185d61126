import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
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
