import type { ViewState } from '../state/app-reducer';
import { ErrorPanel } from './error-panel';

/** After every Apply: what happened, next to the values read back from the system. */
export function OutcomeBanner({
  outcome,
}: {
  readonly outcome: NonNullable<ViewState['outcome']>;
}) {
  if (outcome.applied) {
    return (
      <div className="success-panel" role="status" data-testid="apply-success">
        <strong>Applied.</strong> {outcome.summary} The values below were read back from the system.
      </div>
    );
  }
  if (!outcome.error) return null;
  return <ErrorPanel title="Not applied" error={outcome.error} />;
}
