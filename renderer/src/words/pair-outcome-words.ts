import { select, t } from '@lingui/core/macro';
import type { NodeOutcome } from '../../../electron/contract';
import { withoutName } from '../components/nodes/node-words';
import { errorWords } from '../error-words';
import { formatList } from '../i18n/format';
import { alikeChangeWords } from '../setting-words';
import { changeReportWords, recoveryWords, type SettingNames } from './outcome-words';
import { unworded } from './unworded';

/*
 * What "Make all alike" did on each machine, in words, from the backend's outcome data.
 * The list shows each machine's name beside these words, so they do not repeat it.
 */

/** The outcome on one machine in words (without its name). */
export function nodeOutcomeWords(outcome: NodeOutcome, names: SettingNames): string {
  const { detail } = outcome;
  switch (detail.kind) {
    case 'left-out':
    case 'failed':
      return withoutName(errorWords(detail.error), outcome.name);
    case 'alike':
      return t({
        message: 'already alike: nothing to do.',
        comment: 'after a machine’s name: what “Make all alike” did there',
      });
    case 'applied-here':
      return changeReportWords(detail.report, names);
    case 'applied-there': {
      const applied = detail.waited
        ? t({
            message: 'applied (after waiting for another Apply on the node to finish).',
            comment: 'after a machine’s name: what “Make all alike” did there',
          })
        : t({
            message: 'applied.',
            comment: 'after a machine’s name: what “Make all alike” did there',
          });
      return `${applied} ${detail.changes.map(alikeChangeWords).join(' ')}`;
    }
    case 'dropped': {
      if (detail.recovery === null)
        return t`the connection dropped during the Apply, and the app could not reconnect. If the step was interrupted there, its intent record stays on the node and the next Apply completes or rolls it back first; until then the node may be half-way. Read it again once it answers.`;
      const state = formatList(
        Object.entries(detail.recovery.values).map(([id, v]) => {
          const family = names.family(id);
          const value = v === 1 ? 'on' : 'off';
          return select(value, { on: `${family} on`, other: `${family} off` });
        }),
      );
      const words =
        recoveryWords(detail.recovery, names) ??
        t`The step was not left half-way: the node now has ${state}.`;
      return detail.waiting
        ? t`the connection dropped while the step was waiting for another Apply on the node to finish. Reconnected: ${words}`
        : t`the connection dropped during the Apply. Reconnected: ${words}`;
    }
    case 'crashed':
      return t`the Apply there stopped on an unexpected error. Read all again to see what it holds now.`;
    default:
      return unworded(detail, 'machine-outcome');
  }
}
