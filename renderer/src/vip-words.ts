import { plural, t } from '@lingui/core/macro';
import type {
  RuntimeValue,
  VipBudgetExhausted,
  VipBudgetName,
  VipEntry,
} from '../../electron/contract';
import { formatNumber } from './i18n/format';

/** A size with its unit, to one decimal: "4 MiB", "1.5 KiB", "12 bytes". */
function sizeWords(bytes: number): string {
  const tenths = (n: number) => formatNumber(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) {
    const amount = tenths(bytes / (1024 * 1024));
    return t({ message: `${amount} MiB`, comment: 'a size in mebibytes' });
  }
  if (bytes >= 1024) {
    const amount = tenths(bytes / 1024);
    return t({ message: `${amount} KiB`, comment: 'a size in kibibytes' });
  }
  return plural(bytes, { one: '# byte', other: '# bytes' });
}

/**
 * Why the discovery stopped, per budget, with the most one look spends on it: the whole
 * first sentence, with the place it stopped (`location`, a file or file:line) where known.
 */
function stoppedWords(budget: VipBudgetName, limit: number, location: string | null): string {
  switch (budget) {
    case 'time': {
      const seconds = formatNumber(limit / 1000);
      return location === null
        ? t`Stopped early: reading it took longer than ${seconds} s, the most one look may take.`
        : t`Stopped early at ${location}: reading it took longer than ${seconds} s, the most one look may take.`;
    }
    case 'bytes': {
      const size = sizeWords(limit);
      return location === null
        ? t`Stopped early: reading it would pass ${size}, the most one look reads.`
        : t`Stopped early at ${location}: reading it would pass ${size}, the most one look reads.`;
    }
    case 'files':
      return location === null
        ? plural(limit, {
            one: 'Stopped early: it would open more than # file, the most one look opens.',
            other: 'Stopped early: it would open more than # files, the most one look opens.',
          })
        : plural(limit, {
            one: `Stopped early at ${location}: it would open more than # file, the most one look opens.`,
            other: `Stopped early at ${location}: it would open more than # files, the most one look opens.`,
          });
    case 'entries':
      return location === null
        ? plural(limit, {
            one: 'Stopped early: it names more than # address, the most one look lists.',
            other: 'Stopped early: it names more than # addresses, the most one look lists.',
          })
        : plural(limit, {
            one: `Stopped early at ${location}: it names more than # address, the most one look lists.`,
            other: `Stopped early at ${location}: it names more than # addresses, the most one look lists.`,
          });
    case 'skipped':
      return location === null
        ? plural(limit, {
            one: 'Stopped early: more than # of its lines was not understood, the most one look reports.',
            other:
              'Stopped early: more than # of its lines were not understood, the most one look reports.',
          })
        : plural(limit, {
            one: `Stopped early at ${location}: more than # of its lines was not understood, the most one look reports.`,
            other: `Stopped early at ${location}: more than # of its lines were not understood, the most one look reports.`,
          });
    case 'directories':
      return location === null
        ? plural(limit, {
            one: 'Stopped early: its include patterns would list more than # directory, the most one look lists.',
            other:
              'Stopped early: its include patterns would list more than # directories, the most one look lists.',
          })
        : plural(limit, {
            one: `Stopped early at ${location}: its include patterns would list more than # directory, the most one look lists.`,
            other: `Stopped early at ${location}: its include patterns would list more than # directories, the most one look lists.`,
          });
  }
}

/**
 * The panel's words for a discovery that stopped at one of its budgets: which one, where,
 * and that what is listed is only what came before.
 */
export function describeVipBudget(exhausted: VipBudgetExhausted): string {
  const location =
    exhausted.file === null
      ? null
      : exhausted.line === null
        ? exhausted.file
        : `${exhausted.file}:${exhausted.line}`;
  const { progress } = exhausted;
  const files = progress.files;
  const size = sizeWords(progress.bytes);
  const elapsed = formatNumber(progress.time);
  const stopped = stoppedWords(exhausted.budget, exhausted.limit, location);
  const listed = plural(files, {
    one: `Only what came before is listed (# file, ${size} read in ${elapsed} ms); the rest was not read.`,
    other: `Only what came before is listed (# files, ${size} read in ${elapsed} ms); the rest was not read.`,
  });
  return `${stopped} ${listed}`;
}

/** Program names, never translated: placeholders in the sentences. */
const keepalived = 'Keepalived';
const haproxy = 'HAProxy';
const nginx = 'Nginx';

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
  const { family, program } = entry;
  if (entry.wildcard) return t`Listens on all addresses: no setting is needed.`;
  if (entry.assignedLocally)
    return machine === null
      ? t`On this computer now: binding works without the setting (but not on the standby node).`
      : t`On ${machine} now: binding works without the setting (but not on the standby node).`;
  const isOn = setting === 1;
  // Keepalived adds its virtual IPs itself and never binds them: the services that
  // listen on them (HAProxy, Nginx) are what need the setting on the node without them.
  if (program === 'Keepalived') {
    if (machine === null)
      return isOn
        ? t`Not on this computer yet: ${keepalived} adds it itself on takeover and needs no setting; ${haproxy} or ${nginx} listening on it here before then can, as ${family} non-local bind is on here already.`
        : t`Not on this computer yet: ${keepalived} adds it itself on takeover and needs no setting; ${haproxy} or ${nginx} listening on it here before then need ${family} non-local bind.`;
    return isOn
      ? t`Not on ${machine} yet: ${keepalived} adds it itself on takeover and needs no setting; ${haproxy} or ${nginx} listening on it there before then can, as ${family} non-local bind is on there already.`
      : t`Not on ${machine} yet: ${keepalived} adds it itself on takeover and needs no setting; ${haproxy} or ${nginx} listening on it there before then need ${family} non-local bind.`;
  }
  if (machine === null)
    return isOn
      ? t`Not on this computer: ${program} can start here anyway, as ${family} non-local bind is on here already.`
      : t`Not on this computer: ${program} needs ${family} non-local bind to start here.`;
  return isOn
    ? t`Not on ${machine}: ${program} can start there anyway, as ${family} non-local bind is on there already.`
    : t`Not on ${machine}: ${program} needs ${family} non-local bind to start there.`;
}
