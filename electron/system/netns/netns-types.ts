/**
 * What the network-namespace listing asks for and answers (issue 18, "Find the namespaces").
 * Plain data only: the listing runs on a worker thread and its answer crosses to the
 * renderer, which words it. No sentences here: codes, counts and identifiers.
 */

import type { AddressFamily, SettingId } from '../../contract/state';

/** Load balancers recognised by their process name (/proc/PID/comm, exact match). */
export const LOAD_BALANCER_PROGRAMS = ['haproxy', 'nginx', 'keepalived', 'envoy'] as const;
export type LoadBalancerProgram = (typeof LOAD_BALANCER_PROGRAMS)[number];

/** Whose state files say what the container is: the engine its cgroup path names. */
export type ContainerRuntime = 'docker' | 'podman' | 'containerd' | 'cri-o' | 'unknown';

/** A container as its cgroup path says it: the engine, the 64-hex id, and its pod if any. */
export interface ContainerIdentity {
  readonly runtime: ContainerRuntime;
  readonly id: string;
  /** The 12 hex digits `docker ps` and `podman ps` show. */
  readonly shortId: string;
  /** Under a kubepods cgroup: a Kubernetes pod's container. */
  readonly kubernetes: boolean;
  /** The pod's UID from the cgroup path (dashes, as `kubectl get pod -o yaml` shows it). */
  readonly podUid: string | null;
}

/** A container's name as the runtime's own files say it (never asked of a daemon). */
export interface ContainerName {
  readonly name: string;
  /** The file it came from: Docker's config.v2.json, containers/storage's containers.json, or an OCI bundle's annotations. */
  readonly source: 'docker-config' | 'containers-json' | 'oci-annotations';
  /** Kubernetes pod name and namespace, where the annotations say them. */
  readonly pod?: { readonly name: string; readonly namespace: string | null };
}

export interface ContainerInNamespace extends ContainerIdentity {
  readonly name: ContainerName | null;
  /** Its processes share the app's own network namespace (`--network host`). */
  readonly hostNetwork: boolean;
  readonly processCount: number;
}

/**
 * A name a namespace is known by: a file under /run/netns (`ip netns`) or Docker's
 * /run/docker/netns. `name` is printable ASCII; other bytes appear as \xNN and `escaped` says so.
 */
export interface NamespaceName {
  readonly source: 'ip-netns' | 'docker-netns';
  readonly name: string;
  readonly escaped: boolean;
}

/** One VIP a load balancer's own configuration binds, read through /proc/PID/root. */
export interface NamespaceVip {
  readonly address: string;
  readonly port: number | null;
  readonly family: AddressFamily;
  /** The path inside the container/namespace root. */
  readonly file: string;
  readonly line: number;
  /** Held by an interface inside that namespace (from /proc/PID/net/{fib_trie,if_inet6}). */
  readonly assignedThere: boolean;
  /** The catalogue setting it needs there, or null (local, wildcard, loopback). */
  readonly needs: SettingId | null;
}

export type ConfigProblem = 'unreadable' | 'not-found' | 'too-large' | 'timeout' | 'unparsable';

/**
 * Why, in a code for the diagnostics report (the renderer words `code` only):
 * an errno ('EACCES', 'ELOOP'…); 'escapes-root' (a `..` above the container's root);
 * 'not-regular' (a FIFO, a device, a directory where a file was expected);
 * 'not-parsed' (envoy: its configuration is not read); a VIP budget's name
 * ('bytes', 'files', 'entries', 'time'…) that ran out.
 */
export type ConfigProblemReason = string;

export interface LoadBalancerInNamespace {
  readonly program: LoadBalancerProgram;
  readonly pids: readonly number[];
  /** What its configuration binds, as read inside its root; absent when not read. */
  readonly vips?: readonly NamespaceVip[];
  /** Why its configuration was not (fully) read; null when it was. */
  readonly configProblem?: {
    readonly code: ConfigProblem;
    readonly file: string | null;
    readonly reason?: ConfigProblemReason;
  } | null;
  /** The configuration files read (paths inside its root), in the order read. */
  readonly configFiles?: readonly string[];
}

/** Whether a runtime change there outlives a restart of its container/namespace. */
export type NamespaceLasting =
  /** The container's own config sets these sysctls (OCI linux.sysctl / Docker HostConfig.Sysctls). */
  | { readonly kind: 'container-config'; readonly keys: Readonly<Record<string, string>> }
  /** A container without them, a named netns, a namespace only a process holds. */
  | { readonly kind: 'resets-on-restart' }
  /** The container's config could not be read. */
  | { readonly kind: 'unknown' };

export interface NetworkNamespaceInfo {
  /** The nsfs inode: `readlink /proc/PID/ns/net` says `net:[INODE]`. */
  readonly inode: number;
  /** The app's own namespace (where its bind test runs). */
  readonly own: boolean;
  readonly names: readonly NamespaceName[];
  readonly processCount: number;
  /** The first processes seen in it (capped), for `nsenter --target`. */
  readonly samplePids: readonly number[];
  readonly loadBalancers: readonly LoadBalancerInNamespace[];
  readonly containers: readonly ContainerInNamespace[];
  /** Absent for the app's own namespace (its lasting value is the sysctl files'). */
  readonly lasting?: NamespaceLasting;
}

/** A /run/netns entry that is no namespace (a leftover file, a link, a directory…). */
export interface NamedEntryRefused {
  readonly entry: NamespaceName;
  readonly reason: 'not-mounted' | 'not-a-file' | 'unreadable';
  readonly code?: string;
}

/** What the listing could not see, so the renderer can say so. */
export interface NamespaceListingUnseen {
  /** Processes whose ns link could not be read, by errno code (EACCES: not the user's). */
  readonly processes: Readonly<Record<string, number>>;
  /** Processes that ended while being looked at (ENOENT/ESRCH): normal, counted apart. */
  readonly exitedDuringScan: number;
  /**
   * /proc hides other users' processes (mounted with hidepid=): they cannot even be
   * counted. Told by pid 1, which every pid namespace has, missing from the listing.
   */
  readonly processesHidden: boolean;
  /** Processes whose cgroup file could not be used, by code (EFBIG: over the cap). */
  readonly cgroups: Readonly<Record<string, number>>;
  /** Name directories that exist but could not be listed, with the errno code. */
  readonly nameDirectories: readonly { readonly dir: string; readonly code: string }[];
  readonly namedEntries: readonly NamedEntryRefused[];
}

export type NamespaceListingTruncation =
  | { readonly reason: 'process-cap'; readonly limit: number; readonly total: number }
  | { readonly reason: 'namespace-cap'; readonly limit: number }
  | { readonly reason: 'time-limit'; readonly limitMs: number; readonly scanned: number };

export interface NamespaceListing {
  readonly ok: true;
  readonly ownInode: number;
  readonly namespaces: readonly NetworkNamespaceInfo[];
  readonly unseen: NamespaceListingUnseen;
  readonly truncated: readonly NamespaceListingTruncation[];
  readonly scannedProcesses: number;
  readonly elapsedMs: number;
  /**
   * 'worker' normally; 'main' when no worker thread could start and the scan ran on the
   * caller's thread (still bounded, but then it holds up the event loop while it runs).
   */
  readonly scannedOn: 'worker' | 'main';
}

/** The scan's own answer, before the runner says where it ran. */
export type NamespaceScanAnswer =
  | Omit<NamespaceListing, 'scannedOn'>
  | { readonly ok: false; readonly error: NamespaceListingError };

export type NamespaceListingErrorCode =
  'netns-own-unreadable' | 'netns-proc-unlisted' | 'netns-reader-timeout' | 'netns-reader-failed';

export interface NamespaceListingError {
  readonly code: NamespaceListingErrorCode;
  /** An errno code or the thread's failure, for the diagnostics report. */
  readonly detail: string;
}

export type NamespaceListingAnswer =
  NamespaceListing | { readonly ok: false; readonly error: NamespaceListingError };

/** Every bound the scan keeps, so hostile or huge systems cost a known amount. */
export interface NamespaceScanLimits {
  readonly maxProcesses: number;
  readonly maxNamespaces: number;
  readonly maxNamedEntries: number;
  readonly maxSamplePids: number;
  readonly maxContainersPerNamespace: number;
  /** Container name lookups per listing (each reads at most one capped file). */
  readonly maxNameLookups: number;
  /** Past this the scan stops and says how far it got. */
  readonly timeLimitMs: number;
  readonly maxCgroupBytes: number;
  readonly maxStateFileBytes: number;
  readonly maxContainersJsonBytes: number;
}

/** Where the runtimes keep the files names are read from (the defaults are theirs). */
export interface ContainerStateFiles {
  readonly dockerContainers: string;
  /** containers/storage's containers.json: Podman (root and the app user's) and CRI-O. */
  readonly containersJson: readonly string[];
  /** containerd's v2 task bundles: <root>/<namespace>/<id>/config.json. */
  readonly containerdTasks: string;
}

export interface NamespaceScanRequest {
  readonly nameDirectories: readonly {
    readonly dir: string;
    readonly source: NamespaceName['source'];
  }[];
  readonly stateFiles: ContainerStateFiles;
  readonly limits: NamespaceScanLimits;
}

/**
 * "haproxy in container web-lb (a1b2c3) binds 192.0.2.10, and IPv4 non-local bind is off in
 * its network: it will fail to start." as data (namespace-findings.ts finds them). Here, with
 * the other plain types, so the contract and the renderer share this one definition.
 */
export interface WillFailFinding {
  readonly inode: number;
  readonly program: LoadBalancerProgram;
  readonly pid: number;
  readonly address: string;
  /** A catalogue setting id. */
  readonly setting: string;
  /** 'off': read inside and it is 0 (will fail to start); 'unknown': not read inside yet. */
  readonly value: 'off' | 'unknown';
  readonly container: { readonly name: string | null; readonly shortId: string } | null;
}
