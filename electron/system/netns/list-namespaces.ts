import os from 'node:os';
import { readNamespaceServices, type ServiceLimits } from './namespace-services';
import { askInside, runNamespaceScan } from './netns-thread';
import type {
  ContainerStateFiles,
  NamespaceListingAnswer,
  NamespaceScanLimits,
  NamespaceScanRequest,
} from './netns-types';

/**
 * Every network namespace on this computer, with what runs in it (issue 18, step 1):
 * the app's own, those `ip netns` names (and Docker's pinned ones), and those only
 * processes hold; labelled with load balancers by process name and containers by cgroup
 * path and the runtimes' own files. No privileges beyond what /proc shows the user.
 */

/**
 * Bounds for a large host: 2,000 processes scan in tens of milliseconds, so the caps
 * only bite on a system that is huge or hostile, and then the answer says where it stopped.
 */
export const DEFAULT_SCAN_LIMITS: NamespaceScanLimits = {
  maxProcesses: 65_536,
  maxNamespaces: 4_096,
  maxNamedEntries: 4_096,
  maxSamplePids: 16,
  maxContainersPerNamespace: 64,
  maxNameLookups: 512,
  timeLimitMs: 2_000,
  // A real cgroup file is a few hundred bytes (v1: one line per hierarchy, about 13).
  maxCgroupBytes: 16 * 1024,
  // Docker's config.v2.json holds the container's environment and labels: tens of KiB.
  maxStateFileBytes: 1024 * 1024,
  // containers.json lists every container of the store, about 1 KiB each.
  maxContainersJsonBytes: 8 * 1024 * 1024,
};

/** The runtimes' default places; Podman rootless keeps its store in the user's home. */
export function defaultStateFiles(home = os.homedir()): ContainerStateFiles {
  const store = 'storage/overlay-containers/containers.json';
  return {
    dockerContainers: '/var/lib/docker/containers',
    containersJson: [
      `/var/lib/containers/${store}`,
      ...(home && home !== '/' ? [`${home}/.local/share/containers/${store}`] : []),
    ],
    containerdTasks: '/run/containerd/io.containerd.runtime.v2.task',
  };
}

export interface ListOptions {
  readonly limits?: Partial<NamespaceScanLimits>;
  readonly stateFiles?: ContainerStateFiles;
  /** Read each load balancer's VIPs inside its root (default: yes). */
  readonly services?: boolean;
  readonly serviceLimits?: ServiceLimits;
}

/**
 * Lists on a worker thread, then reads the load balancers' configurations inside their
 * roots on the same thread; never throws, never blocks the event loop on a read.
 */
export async function listNetworkNamespaces(
  options: ListOptions = {},
): Promise<NamespaceListingAnswer> {
  const request: NamespaceScanRequest = {
    nameDirectories: [
      { dir: '/run/netns', source: 'ip-netns' },
      { dir: '/run/docker/netns', source: 'docker-netns' },
    ],
    stateFiles: options.stateFiles ?? defaultStateFiles(),
    limits: { ...DEFAULT_SCAN_LIMITS, ...options.limits },
  };
  const answer = await runNamespaceScan(request);
  if (!answer.ok || options.services === false) return answer;
  return readNamespaceServices(answer, { ask: askInside }, undefined, options.serviceLimits);
}
