import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { MAX_CONFIG_BYTES } from '../safe-read';
import { SETTINGS, type Catalogue } from '../settings';
import type { ConfigParser, ParseSink } from '../vip-address';
import {
  createDiscoveryBudget,
  DEFAULT_VIP_BUDGET,
  withinTime,
  type DiscoveryBudget,
  type VipBudgetLimits,
} from '../vip-budget';
import { createFindings } from '../vip-findings';
import { createHaproxyParser } from '../vip-haproxy';
import { createKeepalivedParser } from '../vip-keepalived';
import { createNginxParser } from '../vip-nginx';
import { MAX_NAMES_PER_DIRECTORY } from '../vip-glob';
import { PIECE_BYTES, SLICE_MS } from '../vip-read';
import type { LocalAddresses } from './namespace-services-proc';
import { configPaths, isLocalThere, isLoopbackAddress } from './namespace-services-config';
import { expandInside, type InsideReader } from './namespace-services-glob';
import type {
  ConfigProblem,
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

/** The host discovery's name for each program (its findings carry it; the VIPs here do not). */
const VIP_PROGRAM = { haproxy: 'HAProxy', keepalived: 'Keepalived', nginx: 'Nginx' } as const;

type Problem = NonNullable<LoadBalancerInNamespace['configProblem']>;

function problem(code: ConfigProblem, file: string | null, reason?: string): Problem {
  return reason === undefined ? { code, file } : { code, file, reason };
}

/** A refused read's code as the listing reports it. */
function readProblem(code: string, file: string | null): Problem {
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ESRCH') {
    return problem('not-found', file, code);
  }
  if (code === 'EFBIG') return problem('too-large', file, code);
  if (code === 'timeout') return problem('timeout', file, 'time');
  return problem('unreadable', file, code);
}

function budgetProblem(budget: DiscoveryBudget): Problem | null {
  const out = budget.exhausted;
  if (out === null) return null;
  return problem(out.budget === 'time' ? 'timeout' : 'too-large', out.file, out.budget);
}

/** The pid whose root and arguments count: the master (its parent is no other of them). */
async function mainProcess(reader: InsideReader, lb: LoadBalancerInNamespace, waitMs: number) {
  let first: { pid: number; args: readonly string[] } | { code: string } = { code: 'ESRCH' };
  for (const pid of lb.pids) {
    const facts = await reader.ask({ kind: 'facts', pid }, waitMs);
    if (!facts.ok) {
      if ('code' in first) first = { code: facts.code };
      continue;
    }
    const worker = /^nginx: worker process/.test(facts.args[0] ?? '');
    if (!worker && (facts.ppid === null || !lb.pids.includes(facts.ppid))) {
      return { pid, args: facts.args };
    }
    if ('code' in first) first = { pid, args: facts.args };
  }
  return first;
}

async function feedInPieces(
  bytes: Uint8Array,
  parser: ConfigParser,
  budget: DiscoveryBudget,
  file: string,
  afterPiece: () => Promise<void>,
): Promise<void> {
  const at = { file, line: null };
  const decoder = new StringDecoder('utf8');
  let sliceStart = performance.now();
  for (let offset = 0; offset < bytes.length; offset += PIECE_BYTES) {
    parser.push(decoder.write(Buffer.from(bytes.subarray(offset, offset + PIECE_BYTES))));
    await afterPiece();
    if (!budget.inTime(at)) return;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  parser.push(decoder.end());
  parser.end();
  await afterPiece();
}

function parserFor(program: LoadBalancerInNamespace['program'], file: string, sink: ParseSink) {
  if (program === 'haproxy') return createHaproxyParser(file, sink);
  if (program === 'keepalived') return createKeepalivedParser(file, sink);
  return createNginxParser(file, sink);
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
  const main = await mainProcess(reader, lb, budget.msLeft());
  if ('code' in main) return { ...lb, configProblem: readProblem(main.code, null) };
  const plan = configPaths(lb.program, main.args);
  if (!plan.ok) {
    const code = plan.reason === 'relative-path' ? 'not-found' : 'unreadable';
    return { ...lb, configProblem: problem(code, null, plan.reason) };
  }
  const found = createFindings(budget, []);
  const queue = [...plan.paths];
  const queued = new Set(queue);
  // Each file once: includes may loop, and a pattern may repeat a file already read.
  const enqueue = (paths: readonly string[]) => {
    for (const entry of paths) {
      if (queued.has(entry)) continue;
      queued.add(entry);
      queue.push(entry);
    }
  };
  const read: string[] = [];
  let first: Problem | null = null;
  for (let head = 0; head < queue.length && budget.exhausted === null; head += 1) {
    const file = queue[head] as string;
    const at = { file, line: null };
    if (!budget.spend('files', 1, at)) break;
    const max = Math.min(MAX_CONFIG_BYTES, budget.remaining('bytes'));
    const call = { kind: 'read', pid: main.pid, path: file, max } as const;
    const got = await withinTime(budget, reader.ask(call, budget.msLeft()), at);
    if (got === null) break;
    if (!got.ok && got.code === 'not-regular' && lb.program === 'haproxy') {
      // `-f DIRECTORY`: HAProxy loads the non-hidden *.cfg files in it, in name order.
      const list = {
        kind: 'list',
        pid: main.pid,
        path: file,
        max: MAX_NAMES_PER_DIRECTORY,
      } as const;
      const listed = await withinTime(budget, reader.ask(list, budget.msLeft()), at);
      if (listed === null || !budget.spend('directories', 1, at)) break;
      if (listed.ok) {
        const cfg = listed.names.filter((n) => n.endsWith('.cfg') && !n.startsWith('.'));
        enqueue(cfg.map((n) => path.posix.join(file, n)));
        continue;
      }
    }
    if (!got.ok) {
      first ??= readProblem(got.code, file);
      continue;
    }
    if (!budget.spend('bytes', got.bytes.length, at)) break;
    read.push(file);
    const includes: { pattern: string; line: number }[] = [];
    const follow = async () => {
      for (const { pattern, line } of includes.splice(0)) {
        const paths = await expandInside(reader, main.pid, pattern, budget, { file, line });
        enqueue(paths ?? []);
      }
    };
    const sink = found.sink(VIP_PROGRAM[lb.program], (pattern, line) =>
      includes.push({ pattern, line }),
    );
    await feedInPieces(got.bytes, parserFor(lb.program, file, sink), budget, file, follow);
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
    const locals = await reader.ask({ kind: 'locals', pid }, waitFor());
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
