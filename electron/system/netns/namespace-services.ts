import { SETTINGS, type Catalogue } from '../settings';
import {
  createDiscoveryBudget,
  DEFAULT_VIP_BUDGET,
  type DiscoveryBudget,
  type VipBudgetLimits,
} from '../vip-budget';
import { createFindings, type Findings } from '../vip-findings';
import type { LocalAddresses } from './namespace-services-proc';
import { isLoopbackAddress } from '../bind-test';
import { configPaths, isLocalThere } from './namespace-services-config';
import {
  budgetProblem,
  problem,
  readConfigFiles,
  readProblem,
  type FilesRead,
  type Problem,
} from './namespace-services-files';
import type { InsideReader } from './namespace-services-glob';
import type {
  LoadBalancerInNamespace,
  NamespaceListing,
  NamespaceVip,
  NetworkNamespaceInfo,
} from './netns-types';

/**
 * What each load balancer in each namespace binds (issue 18, "the load balancers in it,
 * with their VIPs, read from their own configuration through /proc/PID/root, with caps and
 * time limits as for the host's files"): its configuration found as it finds it, read inside
 * its root on the listing thread, parsed here by the host's VIP parsers in pieces (a turn of
 * the event loop every SLICE_MS), under one VIP budget per load balancer, and each address
 * checked against the addresses local in that namespace.
 */

export interface ServiceLimits {
  /** One load balancer's budget: the host discovery's (time, bytes, files, entries…). */
  readonly budget: VipBudgetLimits;
  /** Load balancers read per listing; the rest keep their pids only. */
  readonly maxLoadBalancers: number;
  /** All of them together; past it the rest say 'timeout'. */
  readonly timeLimitMs: number;
}

export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  budget: DEFAULT_VIP_BUDGET,
  maxLoadBalancers: 64,
  // Two load balancers at their full budget; real ones take milliseconds each.
  timeLimitMs: 2 * DEFAULT_VIP_BUDGET.time,
};

interface MainProcess {
  readonly pid: number;
  readonly args: readonly string[];
  readonly ppid: number | null;
  readonly mnt: number | null;
}

/** At most this many separate instances of one program in one namespace are read. */
export const MAX_INSTANCES = 4;

/**
 * The pids whose roots and arguments count: each instance's master (its parent is no other
 * of them; an nginx worker never). Two instances may differ: a host HAProxy and one in a
 * container on the host's network share a namespace, not a root or a config.
 */
async function mainProcesses(
  reader: InsideReader,
  lb: LoadBalancerInNamespace,
  waitMs: number,
): Promise<readonly MainProcess[] | { readonly code: string }> {
  const mains: MainProcess[] = [];
  let fallback: MainProcess | null = null;
  let failed = 'ESRCH';
  for (const pid of lb.pids) {
    if (mains.length >= MAX_INSTANCES) break;
    const facts = await reader.ask({ kind: 'facts', pid }, waitMs);
    if (!facts.ok) {
      failed = facts.code;
      continue;
    }
    const found = { pid, args: facts.args, ppid: facts.ppid, mnt: facts.mnt };
    const worker = /^nginx: worker process/.test(facts.args[0] ?? '');
    if (!worker && (facts.ppid === null || !lb.pids.includes(facts.ppid))) mains.push(found);
    else fallback ??= found;
  }
  if (mains.length > 0) return mains;
  return fallback ? [fallback] : { code: failed };
}

/**
 * Where its configuration was read from when it is not in its own root: HAProxy's `chroot`
 * (Debian's default config has one) moves a process started with `-db` into an empty
 * directory after reading it. Its parent, when in the same mount namespace (the shell or
 * service manager that started it, never a container engine outside), still has that root.
 */
async function rootBefore(
  reader: InsideReader,
  main: MainProcess,
  waitMs: number,
): Promise<number | null> {
  if (main.ppid === null || main.mnt === null || main.ppid < 1) return null;
  const parent = await reader.ask({ kind: 'facts', pid: main.ppid }, waitMs);
  return parent.ok && parent.mnt === main.mnt ? main.ppid : null;
}

/** One instance's files, in its own root or, after a chroot, in its parent's. */
async function readInstance(
  reader: InsideReader,
  program: Exclude<LoadBalancerInNamespace['program'], 'envoy'>,
  main: MainProcess,
  paths: readonly string[],
  budget: DiscoveryBudget,
  found: Findings,
): Promise<FilesRead> {
  const files = await readConfigFiles(reader, program, main.pid, paths, budget, found);
  if (files.read.length > 0 || files.first?.code !== 'not-found' || budget.exhausted !== null) {
    return files;
  }
  const parent = await rootBefore(reader, main, budget.msLeft());
  if (parent === null) return files;
  const again = await readConfigFiles(reader, program, parent, paths, budget, found);
  return again.read.length > 0 ? again : files;
}

/** One load balancer's VIPs, read inside its root within its own budget. */
async function readLoadBalancer(
  reader: InsideReader,
  lb: LoadBalancerInNamespace,
  locals: LocalAddresses,
  catalogue: Catalogue,
  limits: VipBudgetLimits,
): Promise<LoadBalancerInNamespace> {
  if (lb.program === 'envoy') {
    return { ...lb, vips: [], configProblem: problem('unparsable', null, 'not-parsed') };
  }
  const budget = createDiscoveryBudget(limits);
  const mains = await mainProcesses(reader, lb, budget.msLeft());
  if ('code' in mains) return { ...lb, configProblem: readProblem(mains.code, null) };
  const found = createFindings(budget, []);
  const read: string[] = [];
  let first: Problem | null = null;
  for (const main of mains) {
    if (budget.exhausted !== null) break;
    const plan = configPaths(lb.program, main.args);
    if (!plan.ok) {
      const code = plan.reason === 'relative-path' ? 'not-found' : 'unreadable';
      first ??= problem(code, null, plan.reason);
      continue;
    }
    const files = await readInstance(reader, lb.program, main, plan.paths, budget, found);
    read.push(...files.read);
    first ??= files.first;
  }
  const vips = found.entries.map((entry): NamespaceVip => {
    const assignedThere = !entry.wildcard && isLocalThere(entry.address, locals);
    const free = entry.wildcard || assignedThere || isLoopbackAddress(entry.address);
    const setting = catalogue.find((s) => s.family === entry.family)?.id ?? null;
    const { address, port, family, file, line } = entry;
    return { address, port, family, file, line, assignedThere, needs: free ? null : setting };
  });
  const nothingUnderstood =
    read.length > 0 && vips.length === 0 && found.skipped.length > 0
      ? problem('unparsable', read[0] ?? null)
      : null;
  return {
    ...lb,
    vips,
    configFiles: read,
    configProblem: budgetProblem(budget) ?? first ?? nothingUnderstood,
  };
}

/**
 * The namespace's local addresses, through the first of its processes still there (any of
 * them sees the same namespace): one that ended meanwhile must not make every VIP look
 * foreign there.
 */
async function localsOf(
  reader: InsideReader,
  pids: readonly number[],
  waitFor: () => number,
): Promise<LocalAddresses> {
  let answer: LocalAddresses = { ok: false, code: 'ESRCH' };
  for (const pid of [...new Set(pids)].slice(0, 4)) {
    answer = await reader.ask({ kind: 'locals', pid }, waitFor());
    if (answer.ok) break;
  }
  return answer;
}

/**
 * The listing with each load balancer's VIPs and any problem reading them. Never throws;
 * what could not be read says why in `configProblem`.
 */
export async function readNamespaceServices(
  listing: NamespaceListing,
  reader: InsideReader,
  catalogue: Catalogue = SETTINGS,
  limits: ServiceLimits = DEFAULT_SERVICE_LIMITS,
): Promise<NamespaceListing> {
  const deadline = performance.now() + limits.timeLimitMs;
  let left = limits.maxLoadBalancers;
  const namespaces: NetworkNamespaceInfo[] = [];
  for (const info of listing.namespaces) {
    const pid = info.loadBalancers[0]?.pids[0];
    if (pid === undefined || left <= 0) {
      namespaces.push(info);
      continue;
    }
    const waitFor = () => Math.max(0, Math.min(limits.budget.time, deadline - performance.now()));
    const locals = await localsOf(reader, [pid, ...info.samplePids], waitFor);
    const loadBalancers: LoadBalancerInNamespace[] = [];
    for (const lb of info.loadBalancers) {
      left -= 1;
      const time = waitFor();
      if (left < 0 || time <= 0) {
        const code = left < 0 ? 'too-large' : 'timeout';
        loadBalancers.push({ ...lb, configProblem: problem(code, null, 'services') });
        continue;
      }
      loadBalancers.push(
        await readLoadBalancer(reader, lb, locals, catalogue, { ...limits.budget, time }),
      );
    }
    namespaces.push({ ...info, loadBalancers });
  }
  return { ...listing, namespaces };
}
