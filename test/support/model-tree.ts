import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { predictBoot } from '../../electron/system/engines/boot-model';
import type { KeyOutcome } from '../../electron/system/engines/key-outcome';
import { readSysctlSources } from '../../electron/system/sysctl-sources';

/** A tree of sysctl sources for unit tests: system path -> bytes (Latin-1 string), a link, or a directory. */
export type ModelTree = Readonly<
  Record<string, string | { readonly link: string } | { readonly dir: true }>
>;

export const V4 = 'net.ipv4.ip_nonlocal_bind';
export const V6 = 'net.ipv6.ip_nonlocal_bind';

/**
 * Lays a tree below a temporary root (never the host's paths), reads it with
 * the app's reader and runs the boot model: what each engine leaves per key.
 */
export async function predictTree(
  tree: ModelTree,
): Promise<Record<'systemd' | 'procps', Record<string, KeyOutcome>>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-model-'));
  try {
    await chmod(root, 0o755);
    for (const [systemPath, entry] of Object.entries(tree)) {
      const target = path.join(root, systemPath);
      await mkdir(path.dirname(target), { recursive: true });
      if (typeof entry === 'string') await writeFile(target, Buffer.from(entry, 'latin1'));
      else if ('link' in entry) await symlink(entry.link, target);
      else await mkdir(target);
    }
    const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
    const p = predictBoot(sources, [V4, V6]);
    const pick = (m: ReadonlyMap<string, KeyOutcome>) =>
      Object.fromEntries([V4, V6].map((k) => [k, m.get(k) as KeyOutcome]));
    return { systemd: pick(p.systemd), procps: pick(p.procps) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The value each engine leaves for a key: [systemd, procps], untouched counted as 0. */
export async function valuesOf(tree: ModelTree, key: string = V4): Promise<[number, number]> {
  const p = await predictTree(tree);
  return [p.systemd[key]?.stored ?? 0, p.procps[key]?.stored ?? 0];
}
