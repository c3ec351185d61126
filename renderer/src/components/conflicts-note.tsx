import type { Dispatch } from 'react';
import type { ChangePlan } from '../../../electron/contract';
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
  if (!plan || plan.conflicts.length === 0) return null;
  return (
    <div className="note warning" role="note" data-testid="conflicts">
      <p>
        <strong>This would not stick at boot.</strong>
      </p>
      <ul>
        {plan.conflicts.map((c) => (
          <li key={`${c.id}-${c.engine}`}>
            <InlineCode text={conflictWords(c)} />
          </li>
        ))}
      </ul>
      {conflictFixes(plan).map((fix) => (
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
                () => dispatch({ type: 'resolution-chosen', fileName: fix.fileName, ids: fix.ids }),
                FILE_ACTION_ID,
              )
            }
          >
            {fix.fileName === null ? 'Use /etc/sysctl.conf' : `Use ${fix.fileName}`}
          </button>
        </p>
      ))}
    </div>
  );
}
