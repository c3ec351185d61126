import type { VipBudgetExhausted, VipBudgetName } from '../contract';

/**
 * What one VIP discovery may spend, whatever the configuration it reads holds. Real
 * configurations stay far below each (a large nginx with a thousand virtual hosts reads a
 * few MiB); hostile ones run into one, and the discovery stops there and says so.
 */
export type VipBudgetLimits = Readonly<Record<VipBudgetName, number>>;

export const DEFAULT_VIP_BUDGET: VipBudgetLimits = {
  // Wall time in ms: leaves room under the 2 s the whole discovery may take, also when the
  // machine is loaded and the other budgets are reached more slowly.
  time: 1_500,
  // Bytes read, over all files: four files at the per-file cap.
  bytes: 16 * 1024 * 1024,
  // Files opened (nginx includes included).
  files: 1_000,
  // Addresses listed: more than anyone reads in the panel (whose table of 5,000 rows took
  // 3 s to appear in Chromium here), and what bounds the memory.
  entries: 1_000,
  // Lines reported as not understood.
  skipped: 1_000,
  // Directories listed to expand include globs, over all include lines.
  directories: 1_000,
};

export type CountedBudget = Exclude<VipBudgetName, 'time'>;

/** Where the discovery is, so that the report can say where a budget ran out. */
export interface BudgetPlace {
  readonly file: string | null;
  readonly line: number | null;
}

/**
 * One budget for one discovery, passed through every step of it. Once any part runs out it
 * stays exhausted: every step checks `exhausted` and stops, and the first cause is reported.
 */
export interface DiscoveryBudget {
  /** Spends `amount` of a counted budget; false (and exhausted from then on) when it would overrun. */
  spend(name: CountedBudget, amount: number, at: BudgetPlace): boolean;
  /** False (and exhausted from then on) once the time budget has run out. */
  inTime(at: BudgetPlace): boolean;
  remaining(name: CountedBudget): number;
  /** Milliseconds left of the time budget (0 once it has run out). */
  msLeft(): number;
  /** Ends the time budget now: a step waited for it to run out (see `withinTime`). */
  timeUp(at: BudgetPlace): void;
  readonly exhausted: VipBudgetExhausted | null;
}

export function createDiscoveryBudget(
  limits: VipBudgetLimits = DEFAULT_VIP_BUDGET,
  now: () => number = () => performance.now(),
): DiscoveryBudget {
  const start = now();
  const used: Record<CountedBudget, number> = {
    bytes: 0,
    files: 0,
    entries: 0,
    skipped: 0,
    directories: 0,
  };
  let exhausted: VipBudgetExhausted | null = null;
  const stop = (budget: VipBudgetName, at: BudgetPlace) => {
    exhausted ??= {
      code: 'VIP_BUDGET_EXHAUSTED',
      budget,
      limit: limits[budget],
      file: at.file,
      line: at.line,
      progress: { ...used, time: Math.round(now() - start) },
    };
    return false;
  };
  const inTime = (at: BudgetPlace) => {
    if (exhausted !== null) return false;
    return now() - start <= limits.time || stop('time', at);
  };
  return {
    spend(name, amount, at) {
      if (!inTime(at)) return false;
      if (used[name] + amount > limits[name]) return stop(name, at);
      used[name] += amount;
      return true;
    },
    inTime,
    remaining: (name) => limits[name] - used[name],
    msLeft: () => (exhausted === null ? Math.max(0, limits.time - (now() - start)) : 0),
    timeUp: (at) => void stop('time', at),
    get exhausted() {
      return exhausted;
    },
  };
}

/**
 * Waits for `work` at most until the time budget runs out; then the budget is exhausted and
 * the answer is null. A read that hangs in the kernel (a dead NFS server) keeps a thread
 * busy until it returns, but the discovery itself ends on time and says why.
 */
export async function withinTime<T>(
  budget: DiscoveryBudget,
  work: Promise<T>,
  at: BudgetPlace,
): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, budget.msLeft(), null);
  });
  try {
    const answer = await Promise.race([work, late]);
    if (answer === null) budget.timeUp(at);
    return answer;
  } finally {
    clearTimeout(timer);
  }
}
