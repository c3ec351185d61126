import { Trans, useLingui } from '@lingui/react/macro';
import type { Dispatch } from 'react';
import { SYSCTL_CONF_PATH, type ChangePlan } from '../../../electron/contract';
import { updateThenFocus } from '../focus-after';
import { conflictFixes } from '../state/bar-selectors';
import type { ViewAction } from '../state/view-state';
import { InlineCode } from './inline-code';
import { conflictFixWords, conflictWords } from '../words/conflict-words';
import { FILE_ACTION_ID } from './persistence-options';

/** "This would not stick at boot": each conflict, and a button for each fix the plan offers. */
export function ConflictsNote({
  plan,
  disabled,
  dispatch,
}: {
  readonly plan: ChangePlan | null;
  readonly disabled: boolean;
  readonly dispatch: Dispatch<ViewAction>;
}) {
  const { t } = useLingui();
  if (!plan || plan.conflicts.length === 0) return null;
  return (
    <div className="note warning" role="note" data-testid="conflicts">
      <p>
        <strong>
          <Trans>This would not stick at boot.</Trans>
        </strong>
      </p>
      <ul>
        {plan.conflicts.map((c) => (
          <li key={`${c.id}-${c.engine}`}>
            <InlineCode text={conflictWords(c)} />
          </li>
        ))}
      </ul>
      {conflictFixes(plan).map((fix) => {
        const path = fix.fileName ?? SYSCTL_CONF_PATH;
        return (
          <p key={conflictFixWords(fix.fix)} className="resolution">
            <InlineCode text={conflictFixWords(fix.fix)} />{' '}
            <button
              type="button"
              className="button small"
              disabled={disabled}
              // The note goes once the new plan settles it: the file line, which
              // names what was chosen, keeps the focus instead of <body>.
              onClick={() =>
                updateThenFocus(
                  () =>
                    dispatch({ type: 'resolution-chosen', fileName: fix.fileName, ids: fix.ids }),
                  FILE_ACTION_ID,
                )
              }
            >
              {t({ message: `Use ${path}`, comment: 'button: write the value into this file' })}
            </button>
          </p>
        );
      })}
    </div>
  );
}
