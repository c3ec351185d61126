import type { Dir } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { globMatch, hasGlob } from './glob-match';
import { resolveSystemPath, type SystemContext } from './system-context';
import type { BudgetPlace, DiscoveryBudget } from './vip-budget';

/** Limits on one include pattern: directories it may list, and paths it may match. */
export const MAX_GLOB_DIRECTORIES = 200;
export const MAX_GLOB_PATHS = 1_000;
/** Names read from one directory while expanding: a larger directory is not configuration. */
export const MAX_NAMES_PER_DIRECTORY = 10_000;
/** Kernel pseudo-files and devices are never configuration: an include there is not followed. */
const NOT_CONFIGURATION = ['/proc/', '/sys/', '/dev/'];

export type Expansion =
  | { readonly kind: 'paths'; readonly paths: readonly string[]; readonly outside: number }
  /** More than one pattern may list or match: nothing of it is read. */
  | { readonly kind: 'too-wide' }
  | { readonly kind: 'huge-directory'; readonly directory: string }
  /** The discovery's budget ran out on the way (it says which). */
  | { readonly kind: 'exhausted' };

const isOutside = (p: string) => NOT_CONFIGURATION.some((prefix) => `${p}/`.startsWith(prefix));

/**
 * The names in one directory that match a glob component, sorted, read in batches (a
 * directory of a million names is never held, nor converted in one go on the main thread).
 */
async function listMatching(
  ctx: SystemContext,
  dir: string,
  segment: string,
): Promise<string[] | 'huge'> {
  const names: string[] = [];
  let seen = 0;
  let handle: Dir;
  try {
    handle = await opendir(resolveSystemPath(ctx, dir), { bufferSize: 256 });
  } catch {
    return []; // Missing or unreadable: glob(3) as nginx calls it matches nothing there.
  }
  try {
    for await (const entry of handle) {
      seen += 1;
      if (seen > MAX_NAMES_PER_DIRECTORY) return 'huge';
      if (nameMatches(segment, entry.name)) names.push(entry.name);
    }
  } catch {
    return names; // A directory that vanished or failed mid-way: what was read so far.
  }
  // `for await` closes the handle when it ends or returns early.
  return names.sort();
}

/**
 * Expands `*` and `?` in any path component (a `sites-*` directory, then `*.conf`), like glob(3)
 * as nginx uses it. Bounded twice: per pattern (an `include /*\/*\/*\/*;` stops after
 * MAX_GLOB_DIRECTORIES listings instead of walking the disk) and per discovery (every listing
 * spends the discovery's `directories` budget, so two thousand such lines cost no more).
 * Directories under /proc, /sys and /dev are never listed.
 */
export function expandInclude(
  ctx: SystemContext,
  pattern: string,
  budget: DiscoveryBudget,
  at: BudgetPlace,
): Promise<Expansion> {
  return expandPattern(pattern, budget, at, (dir, segment) => listMatching(ctx, dir, segment));
}

/**
 * The names one directory holds that match a glob component (sorted), 'huge' past
 * MAX_NAMES_PER_DIRECTORY, or null when the discovery's time ran out while listing.
 */
export type ListMatching = (dir: string, segment: string) => Promise<string[] | 'huge' | null>;

/**
 * The one pattern walk, for this computer's files and for a process's root (the listing
 * thread lists there: netns/namespace-services-glob.ts), with every bound described above.
 */
export async function expandPattern(
  pattern: string,
  budget: DiscoveryBudget,
  at: BudgetPlace,
  list: ListMatching,
): Promise<Expansion> {
  let current = ['/'];
  let listed = 0;
  let outside = 0;
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (!hasGlob(segment)) {
      current = current.map((dir) => path.posix.join(dir, segment));
      continue;
    }
    const next: string[] = [];
    for (const dir of current) {
      if (isOutside(dir)) {
        outside += 1;
        continue;
      }
      // What was found so far are directories half-way down the pattern, not matches: read none.
      if (listed >= MAX_GLOB_DIRECTORIES) return { kind: 'too-wide' };
      if (!budget.spend('directories', 1, at)) return { kind: 'exhausted' };
      listed += 1;
      const names = await list(dir, segment);
      if (names === null) return { kind: 'exhausted' };
      if (names === 'huge') return { kind: 'huge-directory', directory: dir };
      for (const name of names) next.push(path.posix.join(dir, name));
      if (next.length > MAX_GLOB_PATHS) return { kind: 'too-wide' };
    }
    current = next;
  }
  const inside = current.filter((p) => !isOutside(p));
  return { kind: 'paths', paths: inside, outside: outside + current.length - inside.length };
}

/** Whether a name matches a glob component: hidden names only when the pattern starts with a dot, as glob(3) does. */
export function nameMatches(segment: string, name: string): boolean {
  return globMatch(segment, name) && (segment.startsWith('.') || !name.startsWith('.'));
}
