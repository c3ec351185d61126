import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import type { AppState } from '../../../electron/contract';
import type { ViewState } from '../state/view-state';
import { settingWords } from '../setting-words';
import { changeReportWords, settingNames } from '../words/outcome-words';
import { formatList } from '../i18n/format';
import { errorWords } from '../error-words';
import { ErrorPanel } from './error-panel';
import { InlineCode } from './inline-code';
import { OutcomeVipTest } from './outcome-vip-test';
import { SUCCESS_FOLD_MS } from './outcome-timing';
import type { FixFor } from './bind-test-panel';

export interface ApplyOutcomeProps {
  readonly outcome: ViewState['outcome'];
  /** The system as read back: the settings it names, a conflict still there, the distribution. */
  readonly system: AppState;
  readonly onDismiss: () => void;
  readonly fixFor: FixFor;
}

type Outcome = NonNullable<ViewState['outcome']>;

/**
 * What the last Apply did, next to Apply itself. Both live regions stay
 * mounted (empty) for as long as the bar is: screen readers often miss a live
 * region that appears already filled, so the text is put into one that exists.
 * A status for success, an alert for failure.
 */
export function ApplyOutcome({ outcome, system, onDismiss, fixFor }: ApplyOutcomeProps) {
  const success = outcome?.applied ? outcome : null;
  const failure = outcome && !outcome.applied && outcome.error ? outcome : null;
  return (
    <>
      <div role="status" className="outcome-live" data-testid="outcome-status">
        {success ? (
          <OutcomeBox outcome={success} system={system} onDismiss={onDismiss} fixFor={fixFor} />
        ) : null}
      </div>
      <div role="alert" className="outcome-live" data-testid="outcome-alert">
        {failure ? (
          <OutcomeBox outcome={failure} system={system} onDismiss={onDismiss} fixFor={fixFor} />
        ) : null}
      </div>
    </>
  );
}

/** Folds after SUCCESS_FOLD_MS, or as soon as the page scrolls; never while a test runs. */
function useFolded(outcome: Outcome): readonly [boolean, () => void] {
  // Kept per outcome: a new Apply's message starts unfolded.
  const [foldedFor, setFoldedFor] = useState<Outcome | null>(null);
  const [heldFor, setHeldFor] = useState<Outcome | null>(null);
  const folded = foldedFor === outcome;
  const held = heldFor === outcome;
  useEffect(() => {
    if (!outcome.applied || held || folded) return;
    const fold = () => setFoldedFor(outcome);
    const timer = window.setTimeout(fold, SUCCESS_FOLD_MS);
    window.addEventListener('scroll', fold, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', fold);
    };
  }, [outcome, held, folded]);
  return [folded, () => setHeldFor(outcome)];
}

/**
 * The outcome box takes the focus when it appears (the Apply button was
 * disabled while waiting, so focus would otherwise fall to the page); as a
 * named group, what the focus landed on is read out.
 */
function OutcomeBox({
  outcome,
  system,
  onDismiss,
  fixFor,
}: {
  readonly outcome: Outcome;
  readonly system: AppState;
  readonly onDismiss: () => void;
  readonly fixFor: FixFor;
}) {
  const { t } = useLingui();
  const box = useRef<HTMLDivElement>(null);
  const [folded, hold] = useFolded(outcome);
  useEffect(() => {
    // The bar shows the outcome right under its title: no scrolling that would cut the title.
    box.current?.focus({ preventScroll: true });
  }, [outcome]);
  // A conflict still there after the Apply is never reported as a plain success.
  const unsettled = system.settings.filter(
    (s) => system.boot.settings.find((b) => b.id === s.id)?.enginesDisagree,
  );
  const unsettledLabels = formatList(unsettled.map((s) => settingWords(s.id, s.key).label));
  const report = outcome.report
    ? changeReportWords(outcome.report, settingNames(system.settings))
    : '';
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
        <div
          className={`success-panel${folded ? ' folded' : ''}${unsettled.length > 0 ? ' unsettled' : ''}`}
          data-testid="apply-success"
        >
          <p className="success-text">
            <strong id="apply-outcome-title">
              {unsettled.length > 0 ? t`Applied, but not settled.` : t`Applied.`}
            </strong>{' '}
            <InlineCode text={report} /> <Trans>Read back from the system.</Trans>
            {unsettled.length > 0 ? (
              <>
                {' '}
                <Trans>
                  {unsettledLabels}: the two ways of loading the files still disagree at boot (see
                  the setting).
                </Trans>
              </>
            ) : null}
          </p>
          <div className="success-actions">
            <OutcomeVipTest onStarted={hold} fixFor={fixFor} />
            <button type="button" className="button small" onClick={onDismiss}>
              <Trans comment="button: close the outcome of the last Apply">Done</Trans>
            </button>
          </div>
        </div>
      ) : outcome.error ? (
        <ErrorPanel
          title={t`Not applied`}
          titleId="apply-outcome-title"
          error={outcome.error}
          words={errorWords(outcome.error)}
          live={false}
          distro={system.platform.distro}
        />
      ) : null}
    </div>
  );
}
