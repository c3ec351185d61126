import type { ContainerIdentity, ContainerRuntime } from './netns-types';

/**
 * Which container a process belongs to, read from its /proc/PID/cgroup text.
 *
 * The engines name a container's cgroup after it: Docker `docker-<id>.scope` (systemd
 * driver) or `/docker/<id>` (cgroupfs), Podman `libpod-<id>.scope` or
 * `/libpod_parent/libpod-<id>`, CRI-O `crio-<id>.scope`, containerd's CRI plugin
 * `cri-containerd-<id>.scope`, nerdctl `nerdctl-<id>.scope`, and the kubelet's cgroupfs
 * driver `/kubepods/<qos>/pod<uid>/<id>`.
 *
 * The text is attacker-chosen (delegated cgroup subtrees let users name their own
 * cgroups), so it is only ever matched against fixed patterns, within caps; nothing of
 * it is kept but a 64-hex id and a pod UID. A user can still name a cgroup like a
 * container: the label says what the path says, no more.
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module, and defines its patterns inside itself.
 */

/** One segment's meaning: a container of an engine, a conmon monitor, or a bare id. */
function segmentMeaning(
  segment: string,
):
  | { readonly kind: 'container'; readonly runtime: ContainerRuntime; readonly id: string }
  | { readonly kind: 'bare'; readonly id: string }
  | { readonly kind: 'monitor' }
  | null {
  // conmon watches a Podman or CRI-O container from outside it, in the host's namespaces.
  if (/^(?:libpod|crio)-conmon-[0-9a-f]{64}(?:\.scope)?$/.test(segment)) return { kind: 'monitor' };
  const named =
    /^(docker|libpod|crio|cri-containerd|containerd|nerdctl)-([0-9a-f]{64})(?:\.scope)?$/.exec(
      segment,
    );
  if (named) {
    const engines: Record<string, ContainerRuntime> = {
      docker: 'docker',
      libpod: 'podman',
      crio: 'cri-o',
    };
    const runtime = engines[named[1] ?? ''] ?? 'containerd';
    return { kind: 'container', runtime, id: named[2] ?? '' };
  }
  if (/^[0-9a-f]{64}$/.test(segment)) return { kind: 'bare', id: segment };
  return null;
}

/**
 * The pod UID a kubelet slice or directory carries (systemd escapes its dashes as `_`;
 * a static pod's UID is a bare 32-hex hash).
 */
function podUidOf(segments: readonly string[]): string | null {
  for (const segment of segments) {
    const match =
      /(?:^|-)pod([0-9a-f]{8}[-_]?[0-9a-f]{4}[-_]?[0-9a-f]{4}[-_]?[0-9a-f]{4}[-_]?[0-9a-f]{12})(?:\.slice)?$/.exec(
        segment,
      );
    if (match?.[1]) return match[1].replace(/_/g, '-');
  }
  return null;
}

/**
 * The container one cgroup path names, the innermost one first (Docker in Docker),
 * or 'monitor' for conmon, or null.
 */
function containerOfPath(path: string): ContainerIdentity | 'monitor' | null {
  // The kernel keeps cgroup names to 255 bytes; deeper than 64 levels is no engine's layout.
  if (path.length > 4096 || path[0] !== '/') return null;
  const segments = path.split('/');
  if (segments.length > 64) return null;
  for (let i = segments.length - 1; i >= 1; i -= 1) {
    const meaning = segmentMeaning(segments[i] ?? '');
    if (meaning === null) continue;
    if (meaning.kind === 'monitor') return 'monitor';
    const above = segments.slice(0, i);
    const kubernetes = above.some((s) => s === 'kubepods' || s.startsWith('kubepods'));
    // A bare id says its engine only through its parent: /docker/<id> is Docker's cgroupfs
    // layout; under kubepods or elsewhere the engine is not written down.
    const runtime: ContainerRuntime =
      meaning.kind === 'container'
        ? meaning.runtime
        : segments[i - 1] === 'docker'
          ? 'docker'
          : 'unknown';
    return {
      runtime,
      id: meaning.id,
      shortId: meaning.id.slice(0, 12),
      kubernetes,
      podUid: kubernetes ? podUidOf(above) : null,
    };
  }
  return null;
}

/**
 * The container a process's cgroup file names, or null (a host process, a conmon
 * monitor, or text that is no cgroup file). Lines are `ID:CONTROLLERS:PATH` (v1) or
 * `0::PATH` (v2); the first line that names a container wins: on a real system every
 * hierarchy names the same one.
 */
export function containerOfCgroup(text: unknown): ContainerIdentity | null {
  if (typeof text !== 'string' || text.length > 65536) return null;
  const lines = text.split('\n');
  const lineCount = Math.min(lines.length, 64);
  for (let n = 0; n < lineCount; n += 1) {
    const line = lines[n] ?? '';
    const first = line.indexOf(':');
    const second = first < 0 ? -1 : line.indexOf(':', first + 1);
    if (second < 0 || !/^\d{1,4}$/.test(line.slice(0, first))) continue;
    const found = containerOfPath(line.slice(second + 1));
    if (found === 'monitor') return null;
    if (found) return found;
  }
  return null;
}

/** Every function the listing thread needs from this module. */
export const CGROUP_FUNCTIONS = [
  segmentMeaning,
  podUidOf,
  containerOfPath,
  containerOfCgroup,
] as const;
