import { Trans, useLingui } from '@lingui/react/macro';
import type { InterruptedApply } from '../../../electron/contract';

/** Date and time as Date.toLocaleString() gives them, in the active language. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** Shown while a killed Apply's intent record is waiting to be resolved by the next Apply. */
export function InterruptedApplyNotice({
  interrupted,
}: {
  readonly interrupted: InterruptedApply;
}) {
  const { i18n } = useLingui();
  // Lingui's date() is Intl.DateTimeFormat with the active locale.
  const started = i18n.date(interrupted.since, DATE_TIME);
  return (
    <div className="interrupted-apply-notice" role="status">
      <Trans comment="started: a date and time">
        <strong>An earlier Apply was interrupted</strong> (started {started}) before it could
        finish. The values and files shown are what the system holds now. Your next Apply first
        completes it, if its file had already been written, or otherwise rolls its runtime values
        back, and then says which.
      </Trans>
    </div>
  );
}
