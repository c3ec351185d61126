import { select, t } from '@lingui/core/macro';
import type { PairDifference } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { unworded } from './unworded';

/** Engine names, never translated. */
const ENGINE_NAMES = { systemd: 'systemd-sysctl', procps: 'sysctl --system' } as const;

/** How one machine differs from the reference, in one sentence; engines named when they differ. */
export function pairDifferenceWords(d: PairDifference): string {
  const { family, node } = d;
  // This computer is named in the reader's language, like every other mention of it.
  const reference = d.referenceIsLocal
    ? t({ message: 'this computer', comment: 'the machine the app runs on, inside a sentence' })
    : d.reference;
  if (d.kind === 'now')
    return d.value === 1
      ? t`${node} has ${family} non-local bind on now; ${reference} has it off.`
      : t`${node} has ${family} non-local bind off now; ${reference} has it on.`;
  // Both engines, or the one (named) that the difference is under.
  const under = d.engines.length === 2 ? 'both' : 'some';
  const engines = formatList(d.engines.map((e) => ENGINE_NAMES[e]));
  switch (d.change) {
    case 'lose':
      return select(under, {
        both: `${node} will lose ${family} non-local bind at the next boot.`,
        other: `${node} will lose ${family} non-local bind at the next boot (${engines}).`,
      });
    case 'without':
      return select(under, {
        both: `${node} will not have ${family} non-local bind at boot; ${reference} will.`,
        other: `${node} will not have ${family} non-local bind at boot (${engines}); ${reference} will.`,
      });
    case 'with':
      return select(under, {
        both: `${node} will have ${family} non-local bind at boot; ${reference} will not.`,
        other: `${node} will have ${family} non-local bind at boot (${engines}); ${reference} will not.`,
      });
    default:
      return unworded(d.change, 'pair-difference');
  }
}
