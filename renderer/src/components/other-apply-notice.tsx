import { Trans } from '@lingui/react/macro';

/** Shown while another Apply holds the system-wide lock of the privileged step. */
export function OtherApplyNotice() {
  return (
    <div className="other-apply-notice" role="status">
      <Trans>
        <strong>Another Apply is running on this computer</strong> (from this app in another window
        or by another user). An Apply you start now waits until it has finished, then checks that
        the files are still as shown; click Refresh to see its result.
      </Trans>
    </div>
  );
}
