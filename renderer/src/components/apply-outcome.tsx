import { useEffect, useRef } from 'react';
import type { ViewState } from '../state/app-reducer';
import { ErrorPanel } from './error-panel';

export interface ApplyOutcomeProps {
  readonly outcome: NonNullable<ViewState['outcome']>;
  readonly onDismiss: () => void;
}

/**
 * What the last Apply did, next to Apply itself. It takes the focus when it
 * appears (the Apply button was disabled while waiting, so focus would fall
 * to the page) and is announced: a status for success, an alert for failure.
 */
export function ApplyOutcome({ outcome, onDismiss }: ApplyOutcomeProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [outcome]);
  return (
    <div className="apply-outcome" ref={box} tabIndex={-1} data-testid="apply-outcome">
      {outcome.applied ? (
        <div className="success-panel" role="status" data-testid="apply-success">
          <p>
            <strong>Applied.</strong> {outcome.summary} The values above were read back from the
            system.
          </p>
          <button type="button" className="button small" onClick={onDismiss}>
            Done
          </button>
        </div>
      ) : outcome.error ? (
        <ErrorPanel title="Not applied" error={outcome.error} />
      ) : null}
    </div>
  );
}
