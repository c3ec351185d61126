import type * as NodeFs from 'node:fs';
import type { readProcTextSync, readStateFileSync } from './capped-read';
import type { containerOfCgroup } from './cgroup-identity';
import type { namespaceLastingSync, nameContainersSync } from './container-files';
import type {
  ContainerIdentity,
  NamedEntryRefused,
  NamespaceScanAnswer,
  NamespaceListingTruncation,
  NamespaceName,
  NamespaceScanRequest,
  NetworkNamespaceInfo,
} from './netns-types';

/**
 * One synchronous pass over /proc and the name directories: every network namespace a
 * process is in or a name pins, with what runs in it. It needs only what /proc shows
 * the user; what it cannot see it counts.
 *
 * Runs on the listing thread (netns-thread.ts), whose code is these functions as text:
 * every function here calls only functions of this module; the rest come in the kit.
 * Processes come and go during the pass: ENOENT/ESRCH are counted, never thrown.
 */

export interface ScanKit {
  readonly fs: typeof NodeFs;
  readonly readProcText: typeof readProcTextSync;
  readonly readStateFile: typeof readStateFileSync;
  readonly containerOfCgroup: typeof containerOfCgroup;
  readonly nameContainers: typeof nameContainersSync;
  readonly lasting: typeof namespaceLastingSync;
}

interface Gathered {
  readonly inode: number;
  readonly names: NamespaceName[];
  processCount: number;
  readonly samplePids: number[];
  readonly loadBalancers: Map<string, number[]>;
  readonly containers: Map<string, { identity: ContainerIdentity; processCount: number }>;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/** Printable ASCII as is, every other byte (and the backslash) as \xNN. */
function escapeName(bytes: Buffer): { name: string; escaped: boolean } {
  let name = '';
  let escaped = false;
  for (const byte of bytes.subarray(0, 255)) {
    if (byte > 0x20 && byte < 0x7f && byte !== 0x5c) name += String.fromCharCode(byte);
    else {
      name += `\\x${byte.toString(16).padStart(2, '0')}`;
      escaped = true;
    }
  }
  return { name, escaped: escaped || bytes.length > 255 };
}

function gathered(inode: number): Gathered {
  return {
    inode,
    names: [],
    processCount: 0,
    samplePids: [],
    loadBalancers: new Map(),
    containers: new Map(),
  };
}

/** The namespace entry for an inode, made if there is room; null past the cap. */
function entryFor(
  found: Map<number, Gathered>,
  inode: number,
  maxNamespaces: number,
  truncated: NamespaceListingTruncation[],
): Gathered | null {
  const known = found.get(inode);
  if (known) return known;
  if (found.size >= maxNamespaces) {
    if (!truncated.some((t) => t.reason === 'namespace-cap')) {
      truncated.push({ reason: 'namespace-cap', limit: maxNamespaces });
    }
    return null;
  }
  const made = gathered(inode);
  found.set(inode, made);
  return made;
}

/**
 * The names under /run/netns (and Docker's /run/docker/netns): each a file a namespace
 * is bind-mounted on, so lstat gives the namespace's own inode on the nsfs device. A
 * file on any other device is a leftover whose mount is gone.
 */
function readNamedEntries(
  kit: ScanKit,
  request: NamespaceScanRequest,
  nsDevice: number,
  found: Map<number, Gathered>,
  refused: NamedEntryRefused[],
  unlisted: { dir: string; code: string }[],
  truncated: NamespaceListingTruncation[],
): void {
  let budget = request.limits.maxNamedEntries;
  for (const { dir, source } of request.nameDirectories) {
    let names: Buffer[];
    try {
      names = kit.fs.readdirSync(dir, { encoding: 'buffer' });
    } catch (error) {
      const code = codeOf(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unlisted.push({ dir, code });
      continue;
    }
    for (const raw of names.slice(0, Math.max(0, budget))) {
      budget -= 1;
      const entry: NamespaceName = { source, ...escapeName(raw) };
      let stats: NodeFs.Stats;
      try {
        stats = kit.fs.lstatSync(Buffer.concat([Buffer.from(`${dir}/`), raw]));
      } catch (error) {
        refused.push({ entry, reason: 'unreadable', code: codeOf(error) });
        continue;
      }
      if (!stats.isFile()) refused.push({ entry, reason: 'not-a-file' });
      else if (stats.dev !== nsDevice) refused.push({ entry, reason: 'not-mounted' });
      else entryFor(found, stats.ino, request.limits.maxNamespaces, truncated)?.names.push(entry);
    }
  }
}

/** What one process adds: its namespace, a load balancer by name, its container. */
function lookAtProcess(
  kit: ScanKit,
  pid: string,
  ns: Gathered,
  request: NamespaceScanRequest,
  buffers: { readonly comm: Buffer; readonly cgroup: Buffer },
  cgroupUnseen: Record<string, number>,
): void {
  const limits = request.limits;
  ns.processCount += 1;
  if (ns.samplePids.length < limits.maxSamplePids) ns.samplePids.push(Number(pid));
  const comm = kit.readProcText(kit.fs, `/proc/${pid}/comm`, buffers.comm);
  const program = comm.ok ? comm.text.replace(/\n$/, '') : '';
  // The names of netns-types.ts LOAD_BALANCER_PROGRAMS, spelled here: this code runs as text.
  if (['haproxy', 'nginx', 'keepalived', 'envoy'].includes(program)) {
    const pids = ns.loadBalancers.get(program) ?? [];
    if (pids.length < limits.maxSamplePids) pids.push(Number(pid));
    ns.loadBalancers.set(program, pids);
  }
  const cgroup = kit.readProcText(kit.fs, `/proc/${pid}/cgroup`, buffers.cgroup);
  if (!cgroup.ok) {
    if (cgroup.code !== 'ENOENT' && cgroup.code !== 'ESRCH') {
      cgroupUnseen[cgroup.code] = (cgroupUnseen[cgroup.code] ?? 0) + 1;
    }
    return;
  }
  const identity = kit.containerOfCgroup(cgroup.text);
  if (!identity) return;
  const known = ns.containers.get(identity.id);
  if (known) known.processCount += 1;
  else if (ns.containers.size < limits.maxContainersPerNamespace) {
    ns.containers.set(identity.id, { identity, processCount: 1 });
  }
}

export function scanNamespacesSync(
  kit: ScanKit,
  request: NamespaceScanRequest,
): NamespaceScanAnswer {
  const started = Date.now();
  const limits = request.limits;
  const deadline = started + limits.timeLimitMs;
  let own: NodeFs.Stats;
  let pids: string[];
  try {
    own = kit.fs.statSync('/proc/self/ns/net');
  } catch (error) {
    return { ok: false, error: { code: 'netns-own-unreadable', detail: codeOf(error) } };
  }
  try {
    // In pid order (the listing's order is not), so a capped scan keeps the oldest.
    pids = kit.fs
      .readdirSync('/proc')
      .filter((n) => /^[1-9]\d{0,9}$/.test(n))
      .sort((a, b) => Number(a) - Number(b));
  } catch (error) {
    return { ok: false, error: { code: 'netns-proc-unlisted', detail: codeOf(error) } };
  }
  const found = new Map<number, Gathered>();
  const truncated: NamespaceListingTruncation[] = [];
  const refused: NamedEntryRefused[] = [];
  const unlisted: { dir: string; code: string }[] = [];
  entryFor(found, own.ino, limits.maxNamespaces, truncated);
  readNamedEntries(kit, request, own.dev, found, refused, unlisted, truncated);

  if (pids.length > limits.maxProcesses) {
    truncated.push({ reason: 'process-cap', limit: limits.maxProcesses, total: pids.length });
  }
  const processesUnseen: Record<string, number> = {};
  const cgroupUnseen: Record<string, number> = {};
  const buffers = { comm: Buffer.alloc(64), cgroup: Buffer.alloc(limits.maxCgroupBytes) };
  let exited = 0;
  let scanned = 0;
  for (const pid of pids.slice(0, limits.maxProcesses)) {
    // Date.now() is cheap next to the reads, but not free: every 32 processes is enough.
    if (scanned % 32 === 0 && Date.now() >= deadline) {
      truncated.push({ reason: 'time-limit', limitMs: limits.timeLimitMs, scanned });
      break;
    }
    scanned += 1;
    let link: string;
    try {
      link = kit.fs.readlinkSync(`/proc/${pid}/ns/net`);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT' || code === 'ESRCH') exited += 1;
      else processesUnseen[code] = (processesUnseen[code] ?? 0) + 1;
      continue;
    }
    const inode = /^net:\[(\d{1,15})\]$/.exec(link)?.[1];
    const ns = inode ? entryFor(found, Number(inode), limits.maxNamespaces, truncated) : null;
    if (!inode) processesUnseen['unexpected-link'] = (processesUnseen['unexpected-link'] ?? 0) + 1;
    if (ns) lookAtProcess(kit, pid, ns, request, buffers, cgroupUnseen);
  }

  const everyContainer = [...found.values()].flatMap((g) =>
    [...g.containers.values()].map((c) => c.identity),
  );
  const names = kit.nameContainers(kit, request.stateFiles, limits, everyContainer, deadline);
  // Lasting shares the name lookups' cap: each reads at most one capped file per container.
  const lookups = { left: limits.maxNameLookups };
  const lastingOf = (g: Gathered) =>
    kit.lasting(
      kit,
      request.stateFiles,
      limits,
      [...g.containers.values()].map((c) => c.identity),
      lookups,
      deadline,
    );
  const namespaces: NetworkNamespaceInfo[] = [...found.values()]
    .sort((a, b) => (a.inode === own.ino ? -1 : b.inode === own.ino ? 1 : a.inode - b.inode))
    .map((g) => ({
      ...(g.inode === own.ino ? {} : { lasting: lastingOf(g) }),
      inode: g.inode,
      own: g.inode === own.ino,
      names: g.names,
      processCount: g.processCount,
      samplePids: g.samplePids,
      loadBalancers: [...g.loadBalancers].map(([program, pids]) => ({
        program: program as NetworkNamespaceInfo['loadBalancers'][number]['program'],
        pids,
      })),
      containers: [...g.containers.values()].map(({ identity, processCount }) => ({
        ...identity,
        name: names[identity.id] ?? null,
        hostNetwork: g.inode === own.ino,
        processCount,
      })),
    }));
  return {
    ok: true,
    ownInode: own.ino,
    namespaces,
    unseen: {
      processes: processesUnseen,
      exitedDuringScan: exited,
      processesHidden: pids[0] !== '1',
      cgroups: cgroupUnseen,
      nameDirectories: unlisted,
      namedEntries: refused,
    },
    truncated,
    scannedProcesses: scanned,
    elapsedMs: Date.now() - started,
  };
}

/** Every function the listing thread needs from this module; `scanNamespacesSync` is the way in. */
export const SCAN_FUNCTIONS = [
  codeOf,
  escapeName,
  gathered,
  entryFor,
  readNamedEntries,
  lookAtProcess,
  scanNamespacesSync,
] as const;
