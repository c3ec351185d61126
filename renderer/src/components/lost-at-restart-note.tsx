import { Trans } from '@lingui/react/macro';
import type { Dispatch } from 'react';
import { describeLostAtRestart } from '../boot-words';
import { updateThenFocus } from '../focus-after';
import { settingWords } from '../setting-words';
import type { LostAtRestart } from '../state/bar-selectors';
import type { ViewAction } from '../state/view-state';
import { persistenceRadioId } from './persistence-options';

/** "This session only" would lose these values at the next restart: say so, offer the way out. */
export function LostAtRestartNote({
  lost,
  disabled,
  dispatch,
}: {
  readonly lost: readonly LostAtRestart[];
  readonly disabled: boolean;
  readonly dispatch: Dispatch<ViewAction>;
}) {
  const lines = lost.map((l) =>
    describeLostAtRestart(settingWords(l.id, l.key).label, l.after, l.boot),
  );
  if (lines.length === 0) return null;
  return (
    <div className="note warning" role="note" data-testid="lost-at-restart">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className="note-actions">
        <button
          type="button"
          className="button small"
          disabled={disabled}
          // The note goes once the choice is made: focus the choice it made.
          onClick={() =>
            updateThenFocus(
              () => dispatch({ type: 'persistence-chosen', choice: 'persist' }),
              persistenceRadioId('persist'),
            )
          }
        >
          <Trans>Keep it at every boot instead</Trans>
        </button>
      </div>
    </div>
  );
}
