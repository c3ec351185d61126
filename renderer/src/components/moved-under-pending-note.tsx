import { select, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { settingWords } from '../setting-words';
import { switchId } from './setting-row';
import type { MovedUnderPending } from '../use-live-values';

/** One sentence per setting that moved (called while rendering). */
function movedWords({ id, now, dropped }: MovedUnderPending): string {
  const { label } = settingWords(id);
  const state = now === null ? 'unreadable' : now === 1 ? 'on' : 'off';
  return dropped
    ? t({
        message: `${label} was changed outside the app and is now ${select(state, { on: 'On', off: 'Off', other: 'unreadable' })}: the pending change for it is no longer needed and was dropped.`,
        comment: 'On and Off are the states the setting’s card shows',
      })
    : t({
        message: `${label} was changed outside the app and is now ${select(state, { on: 'On', off: 'Off', other: 'unreadable' })}: check the pending change for it before you apply.`,
        comment: 'On and Off are the states the setting’s card shows',
      });
}

/** Says that a value moved under a waiting change, instead of letting the bar change silently. */
export function MovedUnderPendingNote({
  moved,
  onDismiss,
}: {
  readonly moved: readonly MovedUnderPending[];
  readonly onDismiss: () => void;
}) {
  if (moved.length === 0) return null;
  return (
    <div className="note drift" role="status" data-testid="moved-under-pending">
      {moved.length === 1 && moved[0] ? (
        <p>{movedWords(moved[0])}</p>
      ) : (
        <ul>
          {moved.map((m) => (
            <li key={m.id}>{movedWords(m)}</li>
          ))}
        </ul>
      )}
      {/* The button goes with the note: the focus goes to the setting it was about. */}
      <button
        type="button"
        className="button small"
        onClick={() => {
          const first = moved[0];
          onDismiss();
          if (first) document.getElementById(switchId(first.id))?.focus();
        }}
      >
        <Trans comment="button: the note about a changed value was read">OK</Trans>
      </button>
    </div>
  );
}
