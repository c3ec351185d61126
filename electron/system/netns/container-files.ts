import type * as NodeFs from 'node:fs';
import type { readStateFileSync } from './capped-read';
import type {
  ContainerIdentity,
  ContainerName,
  ContainerStateFiles,
  NamespaceLasting,
  NamespaceScanLimits,
} from './netns-types';

/**
 * What the container runtimes' own files say about a container, never asked of a daemon:
 * its name, and the sysctls its engine applies each time it creates its network namespace.
 *
 * Names:
 * - Docker: <containers>/<id>/config.v2.json, its "Name" ("/web-lb");
 * - Podman and CRI-O (containers/storage): containers.json, an array of {id, names};
 * - containerd: a task's OCI bundle <tasks>/<namespace>/<id>/config.json, whose
 *   annotations carry the Kubernetes container and pod names (CRI) or nerdctl's name.
 *
 * Whether a runtime change in a namespace outlives a restart of what holds it (issue 18,
 * "whether it survives a restart"), from the container's own configuration:
 * - Docker: <containers>/<id>/hostconfig.json, `Sysctls` (`docker run --sysctl`, Compose);
 * - Podman and CRI-O: the OCI spec containers/storage keeps beside containers.json,
 *   <dir>/<id>/userdata/config.json, `linux.sysctl`;
 * - containerd: the task's bundle <tasks>/<namespace>/<id>/config.json, `linux.sysctl` (a
 *   pod's sysctls are on its sandbox, whose pause process is in the same namespace).
 * The engine applies these each time it creates the namespace, so they last; anything
 * changed inside a running container does not. A named or process-held namespace has no
 * such configuration: its runtime value is gone with it.
 *
 * Each file is read capped, regular files only; what cannot be read or parsed gives no
 * name (the short id still says which container it is) and no lasting sysctls.
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module; `fs` and the capped reader come in the kit.
 */

export interface ContainerFileKit {
  readonly fs: typeof NodeFs;
  readonly readStateFile: typeof readStateFileSync;
}

/** A name as shown: printable ASCII without spaces, as every engine's names are. */
function cleanName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253) return null;
  return /^[\x21-\x7e]+$/.test(value) ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function dockerName(
  kit: ContainerFileKit,
  files: ContainerStateFiles,
  id: string,
  max: number,
): ContainerName | null {
  const read = kit.readStateFile(kit.fs, `${files.dockerContainers}/${id}/config.v2.json`, max);
  if (!read.ok) return null;
  const raw = field(parseJson(read.text), 'Name');
  const name = cleanName(typeof raw === 'string' ? raw.replace(/^\//, '') : null);
  return name ? { name, source: 'docker-config' } : null;
}

/** id -> first clean name, from every containers.json that can be read. */
function containersJsonNames(
  kit: ContainerFileKit,
  files: ContainerStateFiles,
  max: number,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const file of files.containersJson) {
    const read = kit.readStateFile(kit.fs, file, max);
    if (!read.ok) continue;
    const list = parseJson(read.text);
    if (!Array.isArray(list)) continue;
    for (const entry of list.slice(0, 100_000)) {
      const id = field(entry, 'id');
      const listed = field(entry, 'names');
      if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id) || !Array.isArray(listed)) continue;
      const name = cleanName(listed[0]);
      if (name && !(id in names)) names[id] = name;
    }
  }
  return names;
}

/** containerd's namespaces (k8s.io, moby, default…), at most 16, names checked. */
function containerdNamespaces(kit: ContainerFileKit, files: ContainerStateFiles): string[] {
  try {
    return kit.fs
      .readdirSync(files.containerdTasks)
      .filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,75}$/.test(n))
      .slice(0, 16);
  } catch {
    // No containerd here.
    return [];
  }
}

function containerdName(
  kit: ContainerFileKit,
  files: ContainerStateFiles,
  namespaces: readonly string[],
  id: string,
  max: number,
): ContainerName | null {
  for (const namespace of namespaces) {
    const read = kit.readStateFile(
      kit.fs,
      `${files.containerdTasks}/${namespace}/${id}/config.json`,
      max,
    );
    if (!read.ok) continue;
    const annotations = field(parseJson(read.text), 'annotations');
    const container = cleanName(field(annotations, 'io.kubernetes.cri.container-name'));
    const podName = cleanName(field(annotations, 'io.kubernetes.cri.sandbox-name'));
    const podNamespace = cleanName(field(annotations, 'io.kubernetes.cri.sandbox-namespace'));
    const name = container ?? cleanName(field(annotations, 'nerdctl/name')) ?? podName;
    if (!name) return null;
    return podName
      ? { name, source: 'oci-annotations', pod: { name: podName, namespace: podNamespace } }
      : { name, source: 'oci-annotations' };
  }
  return null;
}

/**
 * Names for the given containers (id -> name), each looked up only where its engine
 * keeps it (an engine the cgroup path does not say: every place), within the lookup cap
 * and the deadline.
 */
export function nameContainersSync(
  kit: ContainerFileKit,
  files: ContainerStateFiles,
  limits: NamespaceScanLimits,
  containers: readonly ContainerIdentity[],
  deadline: number,
): Record<string, ContainerName> {
  const names: Record<string, ContainerName> = {};
  let listed: Record<string, string> | null = null;
  let namespaces: string[] | null = null;
  for (const container of containers.slice(0, limits.maxNameLookups)) {
    if (Date.now() >= deadline) break;
    const { runtime, id } = container;
    let found: ContainerName | null = null;
    if (runtime === 'docker' || runtime === 'unknown') {
      found = dockerName(kit, files, id, limits.maxStateFileBytes);
    }
    if (!found && (runtime === 'podman' || runtime === 'cri-o' || runtime === 'unknown')) {
      listed ??= containersJsonNames(kit, files, limits.maxContainersJsonBytes);
      const name = listed[id];
      if (name) found = { name, source: 'containers-json' };
    }
    if (!found && (runtime === 'containerd' || runtime === 'unknown')) {
      namespaces ??= containerdNamespaces(kit, files);
      found = containerdName(kit, files, namespaces, id, limits.maxStateFileBytes);
    }
    if (found) names[id] = found;
  }
  return names;
}

/** The sysctls a parsed config sets, or null when it is no such config. Hostile: capped. */
function sysctlsOf(text: string, docker: boolean): Record<string, string> | null {
  const parsed = parseJson(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const table = docker ? field(parsed, 'Sysctls') : field(field(parsed, 'linux'), 'sysctl');
  const keys: Record<string, string> = {};
  // Absent or null: the config sets none.
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return keys;
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
  kit: ContainerFileKit,
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
    for (const namespace of containerdNamespaces(kit, files)) {
      const file = `${files.containerdTasks}/${namespace}/${id}/config.json`;
      places.push({ file, docker: false });
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
  kit: ContainerFileKit,
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
export const CONTAINER_FILE_FUNCTIONS = [
  cleanName,
  parseJson,
  field,
  dockerName,
  containersJsonNames,
  containerdNamespaces,
  containerdName,
  nameContainersSync,
  sysctlsOf,
  lastingPlaces,
  namespaceLastingSync,
] as const;
