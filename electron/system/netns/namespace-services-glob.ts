import { withinTime, type BudgetPlace, type DiscoveryBudget } from '../vip-budget';
import {
  expandPattern,
  MAX_NAMES_PER_DIRECTORY,
  nameMatches,
  type ListMatching,
} from '../vip-glob';
import type { InsideAnswers, InsideCall } from './netns-thread';

/**
 * An nginx `include` pattern expanded inside a process's root, as vip-glob.ts expands it on
 * this computer (glob(3) as nginx calls it: `*` and `?` in any component, hidden names only
 * for a pattern starting with a dot), with the same limits: MAX_GLOB_DIRECTORIES listings
 * per pattern, MAX_GLOB_PATHS matches, MAX_NAMES_PER_DIRECTORY names a directory, and each
 * listing spent from the discovery's `directories` budget. Every listing is a walk inside
 * that root on the listing thread (namespace-services-read.ts), never on the event loop.
 */

/** How the services reader asks the listing thread (the real one, or a test's fake root). */
export interface InsideReader {
  ask<K extends InsideCall['kind']>(
    call: Extract<InsideCall, { kind: K }>,
    waitMs: number,
  ): Promise<InsideAnswers[K]>;
}

/** The paths a pattern names inside PID's root, or null when it is too wide or the budget ran out. */
export async function expandInside(
  reader: InsideReader,
  pid: number,
  pattern: string,
  budget: DiscoveryBudget,
  at: BudgetPlace,
): Promise<readonly string[] | null> {
  const list: ListMatching = async (dir, segment) => {
    const call = { kind: 'list', pid, path: dir, max: MAX_NAMES_PER_DIRECTORY } as const;
    const names = await withinTime(budget, reader.ask(call, budget.msLeft()), at);
    if (names === null) return null;
    // Missing, unreadable or huge: glob(3) as nginx calls it matches nothing there.
    if (!names.ok) return [];
    return names.names.filter((name) => nameMatches(segment, name)).sort();
  };
  const expansion = await expandPattern(pattern, budget, at, list);
  return expansion.kind === 'paths' ? expansion.paths : null;
}
