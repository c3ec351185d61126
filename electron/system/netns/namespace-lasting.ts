import type * as NodeFs from 'node:fs';
import type { readStateFileSync } from './capped-read';
import type {
  ContainerIdentity,
  ContainerStateFiles,
  NamespaceLasting,
  NamespaceScanLimits,
} from './netns-types';

/**
 * Whether a runtime change in a namespace outlives a restart of what holds it (issue 18,
 * "whether it survives a restart"), from the container's own configuration, never a daemon:
 * - Docker: <containers>/<id>/hostconfig.json, `Sysctls` (`docker run --sysctl`, Compose);
 * - Podman and CRI-O: the OCI spec containers/storage keeps beside containers.json,
 *   <dir>/<id>/userdata/config.json, `linux.sysctl`;
 * - containerd: the task's bundle <tasks>/<namespace>/<id>/config.json, `linux.sysctl` (a
 *   pod's sysctls are on its sandbox, whose pause process is in the same namespace).
 * The engine applies these each time it creates the namespace, so they last; anything
 * changed inside a running container does not. A named or process-held namespace has no
 * such configuration: its runtime value is gone with it.
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module; `fs` and the capped reader come in the kit.
 */

export interface LastingKit {
  readonly fs: typeof NodeFs;
  readonly readStateFile: typeof readStateFileSync;
}

/** The sysctls a parsed config sets, or null when it is no such config. Hostile: capped. */
function sysctlsOf(text: string, docker: boolean): Record<string, string> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(parsed)) return null;
  const linux = parsed.linux;
  const table = docker ? parsed.Sysctls : isObject(linux) ? linux.sysctl : undefined;
  const keys: Record<string, string> = {};
  if (!isObject(table)) return keys; // Absent or null: the config sets none.
  for (const [key, value] of Object.entries(table).slice(0, 256)) {
    // sysctl keys as the engines accept them; values as the kernel reads them, short.
    if (!/^[a-z][a-z0-9_./-]{0,127}$/i.test(key)) continue;
    if (typeof value !== 'string' || !/^[\x20-\x7e]{0,64}$/.test(value)) continue;
    if (Object.keys(keys).length >= 64) break;
    keys[key] = value;
  }
  return keys;
}

/** The places each engine keeps a container's configuration, for its runtime. */
function lastingPlaces(
  kit: LastingKit,
  files: ContainerStateFiles,
  container: ContainerIdentity,
): { file: string; docker: boolean }[] {
  const { runtime, id } = container;
  if (!/^[0-9a-f]{64}$/.test(id)) return [];
  const places: { file: string; docker: boolean }[] = [];
  if (runtime === 'docker' || runtime === 'unknown') {
    places.push({ file: `${files.dockerContainers}/${id}/hostconfig.json`, docker: true });
  }
  if (runtime === 'podman' || runtime === 'cri-o' || runtime === 'unknown') {
    for (const list of files.containersJson) {
      const dir = list.slice(0, list.lastIndexOf('/'));
      places.push({ file: `${dir}/${id}/userdata/config.json`, docker: false });
    }
  }
  if (runtime === 'containerd' || runtime === 'unknown') {
    let namespaces: string[] = [];
    try {
      namespaces = kit.fs
        .readdirSync(files.containerdTasks)
        .filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,75}$/.test(n))
        .slice(0, 16);
    } catch {
      // No containerd here.
    }
    for (const namespace of namespaces) {
      places.push({
        file: `${files.containerdTasks}/${namespace}/${id}/config.json`,
        docker: false,
      });
    }
  }
  return places;
}

/**
 * A namespace's lasting from its containers' configs: the sysctls any of them sets, else
 * 'resets-on-restart' when one could be read, else 'unknown'. Without containers (a named
 * or process-held namespace): 'resets-on-restart'. At most `lookups` files are read.
 */
export function namespaceLastingSync(
  kit: LastingKit,
  files: ContainerStateFiles,
  limits: Pick<NamespaceScanLimits, 'maxStateFileBytes'>,
  containers: readonly ContainerIdentity[],
  lookups: { left: number },
  deadline: number,
): NamespaceLasting {
  if (containers.length === 0) return { kind: 'resets-on-restart' };
  const keys: Record<string, string> = {};
  let readOne = false;
  for (const container of containers) {
    for (const place of lastingPlaces(kit, files, container)) {
      if (lookups.left <= 0 || Date.now() >= deadline) break;
      lookups.left -= 1;
      const read = kit.readStateFile(kit.fs, place.file, limits.maxStateFileBytes);
      if (!read.ok) continue;
      const found = sysctlsOf(read.text, place.docker);
      if (found === null) continue;
      readOne = true;
      for (const [key, value] of Object.entries(found)) keys[key] ??= value;
      break;
    }
  }
  if (Object.keys(keys).length > 0) return { kind: 'container-config', keys };
  return readOne ? { kind: 'resets-on-restart' } : { kind: 'unknown' };
}

/** Every function the listing thread needs from this module. */
export const LASTING_FUNCTIONS = [sysctlsOf, lastingPlaces, namespaceLastingSync] as const;
