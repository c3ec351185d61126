import type {
  RuntimeValue,
  VipBudgetExhausted,
  VipBudgetName,
  VipEntry,
} from '../../electron/contract';

function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Why the discovery stopped, per budget, with the most one look spends on it. */
const CAUSE: Record<VipBudgetName, (limit: number) => string> = {
  time: (limit) => `reading it took longer than ${limit / 1000} s, the most one look may take`,
  bytes: (limit) => `reading it would pass ${sizeWords(limit)}, the most one look reads`,
  files: (limit) => `it would open more than ${count(limit)} files, the most one look opens`,
  entries: (limit) => `it names more than ${count(limit)} addresses, the most one look lists`,
  skipped: (limit) =>
    `more than ${count(limit)} of its lines were not understood, the most one look reports`,
  directories: (limit) =>
    `its include patterns would list more than ${count(limit)} directories, the most one look lists`,
};

/**
 * The panel's words for a discovery that stopped at one of its budgets: which one, where,
 * and that what is listed is only what came before.
 */
export function describeVipBudget(exhausted: VipBudgetExhausted): string {
  const where =
    exhausted.file === null
      ? ''
      : ` at ${exhausted.file}${exhausted.line === null ? '' : `:${exhausted.line}`}`;
  const { progress } = exhausted;
  return (
    `Stopped early${where}: ${CAUSE[exhausted.budget](exhausted.limit)}. ` +
    `Only what came before is listed (${count(progress.files)} files, ` +
    `${sizeWords(progress.bytes)} read in ${count(progress.time)} ms); the rest was not read.`
  );
}

/**
 * What a VIP the configuration names means on the machine that names it: `machine` is
 * a node's name in the pair view, null for this computer. `setting` is that machine's
 * running value of the entry's family's setting where the caller knows it (the pair view
 * does), so a machine that has it on already is never told it needs it.
 */
export function vipAdviceWords(
  entry: VipEntry,
  machine: string | null,
  setting: RuntimeValue | null = null,
): string {
  const here = machine ?? 'this computer';
  const there = machine ? 'there' : 'here';
  if (entry.wildcard) return 'Listens on all addresses: no setting is needed.';
  if (entry.assignedLocally)
    return `On ${here} now: binding works without the setting (but not on the standby node).`;
  const setOn = `${entry.family} non-local bind is on ${there}`;
  // Keepalived adds its virtual IPs itself and never binds them: the services that
  // listen on them (HAProxy, Nginx) are what need the setting on the node without them.
  if (entry.program === 'Keepalived') {
    const before = `Not on ${here} yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it ${there} before then`;
    return setting === 1
      ? `${before} can, as ${setOn} already.`
      : `${before} need ${entry.family} non-local bind.`;
  }
  return setting === 1
    ? `Not on ${here}: ${entry.program} can start ${there} anyway, as ${setOn} already.`
    : `Not on ${here}: ${entry.program} needs ${entry.family} non-local bind to start ${there}.`;
}
