import type { VipDiscovery } from '../contract';
import { interfaceAddresses } from './bind-test';
import type { SystemContext } from './system-context';
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
import { createFindings, findingsResult, type Findings } from './vip-findings';
import { VIP_PROGRAMS } from './vip-programs';
import { readConfigInPieces } from './vip-read';

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

/**
 * Nginx: follows include directives from nginx.conf breadth-first, each file once (includes
 * may loop) and each pattern once (a line repeated two thousand times is expanded once).
 * Includes are followed after each piece of a file, so only a piece's worth is ever pending.
 */
async function discoverNginx(ctx: SystemContext, budget: DiscoveryBudget, found: Findings) {
  const queue: string[] = [VIP_PROGRAMS.nginx.config];
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
    const parser = VIP_PROGRAMS.nginx.parser(file, sink);
    await readConfigInPieces(ctx, file, budget, found.files, parser, follow);
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
  for (const { name, parser, config } of [VIP_PROGRAMS.haproxy, VIP_PROGRAMS.keepalived]) {
    if (budget.exhausted !== null) break;
    await readConfigInPieces(ctx, config, budget, found.files, parser(config, found.sink(name)));
  }
  if (budget.exhausted === null) await discoverNginx(ctx, budget, found);
  return findingsResult(found, budget);
}
