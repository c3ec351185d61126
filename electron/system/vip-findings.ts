import type { VipDiscovery, VipEntry } from '../contract';
import { isLocalAddress } from './bind-test';
import type { FoundAddress, ParseSink } from './vip-address';
import type { DiscoveryBudget } from './vip-budget';

type Program = VipEntry['program'];
type FileStatus = VipDiscovery['files'][number];
type Skipped = VipDiscovery['skipped'][number];

/**
 * One address as the UI lists it, with what it needs: the setting of its family, unless
 * it is the any-address or the machine holds it already ("assigned", from its own
 * addresses). The renderer says what that means there (words/vip-words.ts).
 */
export function toVipEntry(found: FoundAddress, program: Program, assigned: boolean): VipEntry {
  const local = !found.wildcard && assigned;
  const needs = found.wildcard || local ? null : found.family === 'IPv4' ? 'ipv4' : 'ipv6';
  return { ...found, program, assignedLocally: local, needs };
}

/** The collected findings, each counted against the budget and dropped once it is spent. */
export interface Findings {
  readonly entries: VipEntry[];
  readonly skipped: Skipped[];
  readonly files: FileStatus[];
  sink(program: Program, onInclude?: (pattern: string, line: number) => void): ParseSink;
  skip(line: Skipped): void;
}

export function createFindings(budget: DiscoveryBudget, own: readonly string[]): Findings {
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
        entries.push(toVipEntry(found, program, assigned));
      },
      skipped: skip,
      include: (pattern, line) => onInclude?.(pattern, line),
    }),
  };
}

/** The findings as the discovery's answer, saying which budget ran out if one did. */
export function findingsResult(found: Findings, budget: DiscoveryBudget): VipDiscovery {
  const { entries, skipped, files } = found;
  return budget.exhausted === null
    ? { entries, skipped, files }
    : { entries, skipped, files, exhausted: budget.exhausted };
}
