import { useState } from 'react';
import { errorWords } from '../../error-words';
import { updateThenFocus } from '../../focus-after';
import type { NamespacesState } from '../../use-namespaces';
import {
  lookingInsideWords,
  lookInsideWords,
  readDoneWords,
} from '../../words/namespace-inside-words';

const RESULT_ID = 'look-inside-result';

/**
 * The one button that reads the settings inside every other namespace: one run of the
 * step, so one password at most (none as root or in the demo). Focus moves to what it found.
 */
export function LookInside({ namespaces }: { readonly namespaces: NamespacesState }) {
  const { view, readable, readings, looking, lookError, lookInside } = namespaces;
  const [done, setDone] = useState<string | null>(null);
  if (view === null || readable.length === 0) return null;
  const asks = view.insideAuthentication !== 'none';
  const look = async () => {
    if (looking) return;
    const read = await lookInside();
    updateThenFocus(
      () => setDone(read ? readDoneWords(read.count, read.elapsedMs, read.runs) : null),
      RESULT_ID,
    );
  };
  return (
    <div className="look-inside" data-testid="look-inside">
      <button
        type="button"
        className="button primary"
        aria-disabled={looking}
        onClick={() => void look()}
      >
        {lookInsideWords(readable.length, asks)}
      </button>
      <p id={RESULT_ID} tabIndex={-1} role="status" className="hint">
        {/* A new listing forgets what was read, and so does this line. */}
        {looking ? lookingInsideWords(asks) : readings.size > 0 ? (done ?? '') : ''}
      </p>
      {lookError ? (
        <p className="inline-error" role="alert">
          {errorWords(lookError)}
        </p>
      ) : null}
    </div>
  );
}
