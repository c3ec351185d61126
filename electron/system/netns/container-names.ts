import type * as NodeFs from 'node:fs';
import type { readStateFileSync } from './capped-read';
import type {
  ContainerIdentity,
  ContainerName,
  ContainerStateFiles,
  NamespaceScanLimits,
} from './netns-types';

/**
 * Containers' names from the runtimes' own files, never from a daemon:
 * - Docker: <containers>/<id>/config.v2.json, its "Name" ("/web-lb");
 * - Podman and CRI-O (containers/storage): containers.json, an array of {id, names};
 * - containerd: a task's OCI bundle <tasks>/<namespace>/<id>/config.json, whose
 *   annotations carry the Kubernetes container and pod names (CRI) or nerdctl's name.
 * Each file is read at most once per listing, capped, regular files only; what cannot be
 * read or parsed gives no name (the short id still says which container it is).
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module; `fs` and the capped reader come in the kit.
 */

export interface NameKit {
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
  kit: NameKit,
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
  kit: NameKit,
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
function containerdNamespaces(kit: NameKit, files: ContainerStateFiles): string[] {
  try {
    return kit.fs
      .readdirSync(files.containerdTasks)
      .filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,75}$/.test(n))
      .slice(0, 16);
  } catch {
    return [];
  }
}

function containerdName(
  kit: NameKit,
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
  kit: NameKit,
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

/** Every function the listing thread needs from this module. */
export const NAME_FUNCTIONS = [
  cleanName,
  parseJson,
  field,
  dockerName,
  containersJsonNames,
  containerdNamespaces,
  containerdName,
  nameContainersSync,
] as const;
