import { useEffect, useRef } from 'react';
import type { SettingState } from '../../../electron/contract';
import type { ViewState } from '../state/view-state';
import { changeReportWords, settingNames } from '../words/outcome-words';
import { ErrorPanel } from './error-panel';
import { InlineCode } from './inline-code';

export interface ApplyOutcomeProps {
  readonly outcome: ViewState['outcome'];
  /** The catalogue entries, to name the settings the outcome reports. */
  readonly settings: readonly SettingState[];
  readonly onDismiss: () => void;
}

type Outcome = NonNullable<ViewState['outcome']>;

/**
 * What the last Apply did, next to Apply itself. Both live regions stay
 * mounted (empty) for as long as the bar is: screen readers often miss a live
 * region that appears already filled, so the text is put into one that exists.
 * A status for success, an alert for failure.
 */
export function ApplyOutcome({ outcome, settings, onDismiss }: ApplyOutcomeProps) {
  const success = outcome?.applied ? outcome : null;
  const failure = outcome && !outcome.applied && outcome.error ? outcome : null;
  return (
    <>
      <div role="status" className="outcome-live" data-testid="outcome-status">
        {success ? (
          <OutcomeBox outcome={success} settings={settings} onDismiss={onDismiss} />
        ) : null}
      </div>
      <div role="alert" className="outcome-live" data-testid="outcome-alert">
        {failure ? (
          <OutcomeBox outcome={failure} settings={settings} onDismiss={onDismiss} />
        ) : null}
      </div>
    </>
  );
}

/**
 * The outcome box takes the focus when it appears (the Apply button was
 * disabled while waiting, so focus would otherwise fall to the page); as a
 * named group, what the focus landed on is read out.
 */
function OutcomeBox({
  outcome,
  settings,
  onDismiss,
}: {
  readonly outcome: Outcome;
  readonly settings: readonly SettingState[];
  readonly onDismiss: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [outcome]);
  return (
    <div
      className="apply-outcome"
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby="apply-outcome-title"
      data-testid="apply-outcome"
    >
      {outcome.applied ? (
        <div className="success-panel" data-testid="apply-success">
          <p>
            <strong id="apply-outcome-title">Applied.</strong>{' '}
            <InlineCode
              text={outcome.report ? changeReportWords(outcome.report, settingNames(settings)) : ''}
            />{' '}
            The values above were read back from the system.
          </p>
          <button type="button" className="button small" onClick={onDismiss}>
            Done
          </button>
        </div>
      ) : outcome.error ? (
        <ErrorPanel
          title="Not applied"
          titleId="apply-outcome-title"
          error={outcome.error}
          live={false}
        />
      ) : null}
    </div>
  );
}
