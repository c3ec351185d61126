import type { VipDiscovery, VipEntry } from '../contract';
import { interfaceAddresses, isLocalAddress } from './bind-test';
import type { SystemContext } from './system-context';
import type { FoundAddress, ParseSink } from './vip-address';
import {
  createDiscoveryBudget,
  DEFAULT_VIP_BUDGET,
  type BudgetPlace,
  type DiscoveryBudget,
  type VipBudgetLimits,
  withinTime,
} from './vip-budget';
import {
  expandInclude,
  MAX_GLOB_DIRECTORIES,
  MAX_GLOB_PATHS,
  MAX_NAMES_PER_DIRECTORY,
  type Expansion,
} from './vip-glob';
import { createHaproxyParser } from './vip-haproxy';
import { createKeepalivedParser } from './vip-keepalived';
import { createNginxParser } from './vip-nginx';
import { readConfigInPieces } from './vip-read';

type Program = VipEntry['program'];
type FileStatus = VipDiscovery['files'][number];
type Skipped = VipDiscovery['skipped'][number];

/**
 * One address as the UI lists it. `machine` names a node read over SSH; null means
 * this computer, where "assigned" comes from the local interfaces.
 */
export function toVipEntry(
  found: FoundAddress,
  program: Program,
  assigned: boolean,
  machine: string | null,
): VipEntry {
  const local = !found.wildcard && assigned;
  const needs = found.wildcard || local ? null : found.family === 'IPv4' ? 'ipv4' : 'ipv6';
  const here = machine ?? 'this computer';
  const there = machine ? 'there' : 'here';
  // Keepalived adds its virtual IPs itself and never binds them: the services that
  // listen on them (HAProxy, Nginx) are what need the setting on the node without them.
  const advice = found.wildcard
    ? 'Listens on all addresses: no setting is needed.'
    : local
      ? `On ${here} now: binding works without the setting (but not on the standby node).`
      : program === 'Keepalived'
        ? `Not on ${here} yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it ${there} before then need ${found.family} non-local bind.`
        : `Not on ${here}: ${program} needs ${found.family} non-local bind to start ${there}.`;
  return { ...found, program, assignedLocally: local, needs, advice };
}

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** What an include that is not followed says, or null when there is nothing to say. */
function describeExpansion(pattern: string, expansion: Expansion): string | null {
  const include = `include ${shorten(pattern)}`;
  switch (expansion.kind) {
    case 'too-wide':
      return `${include}: not followed, it would list more than ${MAX_GLOB_DIRECTORIES} directories or match more than ${MAX_GLOB_PATHS} paths`;
    case 'huge-directory':
      return `${include}: not followed, ${shorten(expansion.directory)} holds more than ${MAX_NAMES_PER_DIRECTORY} names`;
    case 'paths':
      return expansion.outside > 0
        ? `${include}: ${expansion.outside} paths under /proc, /sys or /dev were not read (kernel and device files, not configuration)`
        : null;
    case 'exhausted':
      return null; // The budget's own report says so.
  }
}

/** The collected findings, each counted against the budget and dropped once it is spent. */
interface Findings {
  readonly entries: VipEntry[];
  readonly skipped: Skipped[];
  readonly files: FileStatus[];
  sink(program: Program, onInclude?: (pattern: string, line: number) => void): ParseSink;
  skip(line: Skipped): void;
}

function createFindings(budget: DiscoveryBudget, own: readonly string[]): Findings {
  // Asked once per distinct address: configurations repeat a few addresses many times, and the
  // check canonicalises every interface address each time. Bounded by the entries budget.
  const held = new Map<string, boolean>();
  const isHeld = (address: string) => {
    let answer = held.get(address);
    if (answer === undefined) held.set(address, (answer = isLocalAddress(address, own)));
    return answer;
  };
  const entries: VipEntry[] = [];
  const skipped: Skipped[] = [];
  const skip = (line: Skipped) => {
    if (budget.spend('skipped', 1, line)) skipped.push(line);
  };
  return {
    entries,
    skipped,
    files: [],
    skip,
    sink: (program, onInclude) => ({
      address: (found) => {
        if (!budget.spend('entries', 1, found)) return;
        const assigned = !found.wildcard && isHeld(found.address);
        entries.push(toVipEntry(found, program, assigned, null));
      },
      skipped: skip,
      include: (pattern, line) => onInclude?.(pattern, line),
    }),
  };
}

/**
 * Nginx: follows include directives from nginx.conf breadth-first, each file once (includes
 * may loop) and each pattern once (a line repeated two thousand times is expanded once).
 * Includes are followed after each piece of a file, so only a piece's worth is ever pending.
 */
async function discoverNginx(ctx: SystemContext, budget: DiscoveryBudget, found: Findings) {
  const queue = ['/etc/nginx/nginx.conf'];
  const queued = new Set(queue);
  const expanded = new Set<string>();
  // Where an include found more files than the files budget has left: reported at the end,
  // after reading the ones that fit, so that a large but real setup still shows most of itself.
  let overflow: BudgetPlace | null = null;
  for (let head = 0; head < queue.length && budget.exhausted === null; head += 1) {
    const file = queue[head] as string;
    const pending: { pattern: string; line: number }[] = [];
    const follow = async () => {
      for (const { pattern, line } of pending.splice(0)) {
        if (budget.exhausted !== null || overflow !== null) return;
        if (expanded.has(pattern)) continue;
        expanded.add(pattern);
        const expansion = await withinTime(
          budget,
          expandInclude(ctx, pattern, budget, { file, line }),
          { file, line },
        );
        if (expansion === null) return;
        const reason = describeExpansion(pattern, expansion);
        if (reason !== null) found.skip({ file, line, reason });
        if (expansion.kind !== 'paths') continue;
        for (const target of expansion.paths) {
          if (queued.has(target)) continue;
          if (queue.length - head - 1 >= budget.remaining('files')) {
            overflow = { file, line };
            break;
          }
          queued.add(target);
          queue.push(target);
        }
      }
    };
    const sink = found.sink('Nginx', (pattern, line) => pending.push({ pattern, line }));
    await readConfigInPieces(ctx, file, budget, found.files, createNginxParser(file, sink), follow);
  }
  // Every file that fitted has been read: now the files budget is spent, and says where.
  if (overflow !== null) budget.spend('files', budget.remaining('files') + 1, overflow);
}

/**
 * Reads HAProxy, Keepalived and Nginx configuration as the unprivileged user,
 * lists the addresses they name and which setting each needs. Anything not
 * understood is skipped and reported; unreadable files are marked, never fatal. `own`: the
 * addresses the target holds (this computer's interfaces, the demo's simulated ones).
 * One budget (time, bytes, files, entries, skipped lines, directories listed) covers the
 * whole discovery; when part of it runs out, the discovery stops and `exhausted` says which.
 */
export async function discoverVips(
  ctx: SystemContext,
  limits: VipBudgetLimits = DEFAULT_VIP_BUDGET,
  own: readonly string[] = interfaceAddresses(),
): Promise<VipDiscovery> {
  const budget = createDiscoveryBudget(limits);
  const found = createFindings(budget, own);
  const haproxy = '/etc/haproxy/haproxy.cfg';
  await readConfigInPieces(
    ctx,
    haproxy,
    budget,
    found.files,
    createHaproxyParser(haproxy, found.sink('HAProxy')),
  );
  const keepalived = '/etc/keepalived/keepalived.conf';
  if (budget.exhausted === null) {
    await readConfigInPieces(
      ctx,
      keepalived,
      budget,
      found.files,
      createKeepalivedParser(keepalived, found.sink('Keepalived')),
    );
  }
  if (budget.exhausted === null) await discoverNginx(ctx, budget, found);
  const { entries, skipped, files } = found;
  return budget.exhausted === null
    ? { entries, skipped, files }
    : { entries, skipped, files, exhausted: budget.exhausted };
}
