import { settingWords } from '../setting-words';
import { switchId } from './setting-row';
import type { MovedUnderPending } from '../use-live-values';

const VALUE_WORDS = { 0: 'Off', 1: 'On' } as const;

function movedWords({ id, now, dropped }: MovedUnderPending): string {
  const { label } = settingWords(id);
  const value = now === null ? 'unreadable' : VALUE_WORDS[now];
  return dropped
    ? `${label} was changed outside the app and is now ${value}: the pending change for it is no longer needed and was dropped.`
    : `${label} was changed outside the app and is now ${value}: check the pending change for it before you apply.`;
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
        OK
      </button>
    </div>
  );
}
