import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { predictBoot } from '../../electron/system/engines/boot-model';
import { bootKeys } from '../harness/boot-keys';
import type { KeyOutcome } from '../../electron/system/engines/key-outcome';
import { readSysctlSources } from '../../electron/system/sysctl-sources';

/**
 * A tree of sysctl sources for unit tests: system path -> bytes (Latin-1 string), a
 * link, a directory, a FIFO, or a link to a host device. A path is UTF-8 unless `bytePaths` is set, then byte
 * text (one character per byte), for names that are not UTF-8.
 */
export type ModelTree = Readonly<
  Record<
    string,
    | string
    | { readonly link: string }
    | { readonly dir: true }
    | { readonly fifo: true }
    /** A link to one of the host's devices (e.g. /dev/zero), relative so it leaves the root. */
    | { readonly device: string }
  >
>;

export const V4 = 'net.ipv4.ip_nonlocal_bind';
export const V6 = 'net.ipv6.ip_nonlocal_bind';

/**
 * Lays a tree below a temporary root (never the host's paths), reads it with
 * the app's reader and runs the boot model: what each engine leaves per key.
 */
export async function predictTree(
  tree: ModelTree,
  options: { readonly bytePaths?: boolean } = {},
): Promise<Record<'systemd' | 'procps', Record<string, KeyOutcome>>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-model-'));
  try {
    await chmod(root, 0o755);
    for (const [systemPath, entry] of Object.entries(tree)) {
      const target = Buffer.from(
        path.join(root, systemPath),
        options.bytePaths ? 'latin1' : 'utf8',
      );
      await mkdir(path.dirname(path.join(root, systemPath)), { recursive: true });
      if (typeof entry === 'string') await writeFile(target, Buffer.from(entry, 'latin1'));
      else if ('link' in entry) await symlink(entry.link, target);
      else if ('device' in entry) {
        await symlink(
          path.relative(path.dirname(path.join(root, systemPath)), entry.device),
          target,
        );
      } else if ('fifo' in entry) {
        // mkfifo(1) takes text: made under a plain name, then renamed by bytes.
        const plain = path.join(root, 'nb-fifo');
        if (spawnSync('mkfifo', [plain]).status !== 0) throw new Error('mkfifo failed');
        await rename(plain, target);
      } else await mkdir(target);
    }
    const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
    const p = predictBoot(sources, bootKeys(V4, V6));
    const pick = (m: ReadonlyMap<string, KeyOutcome>) =>
      Object.fromEntries([V4, V6].map((k) => [k, m.get(k) as KeyOutcome]));
    return { systemd: pick(p.systemd), procps: pick(p.procps) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The value each engine leaves for a key: [systemd, procps], untouched counted as 0. */
export async function valuesOf(
  tree: ModelTree,
  key: string = V4,
  options: { readonly bytePaths?: boolean } = {},
): Promise<[number, number]> {
  const p = await predictTree(tree, options);
  return [p.systemd[key]?.stored ?? 0, p.procps[key]?.stored ?? 0];
}
