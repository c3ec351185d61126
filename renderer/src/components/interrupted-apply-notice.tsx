import type { InterruptedApply } from '../../../electron/contract';

/** Shown while a killed Apply's intent record is waiting to be resolved by the next Apply. */
export function InterruptedApplyNotice({
  interrupted,
}: {
  readonly interrupted: InterruptedApply;
}) {
  return (
    <div className="interrupted-apply-notice" role="status">
      <strong>An earlier Apply was interrupted</strong> (started{' '}
      {new Date(interrupted.since).toLocaleString()}) before it could finish. The values and files
      shown are what the system holds now. Your next Apply first completes it, if its file had
      already been written, or otherwise rolls its runtime values back, and then says which.
    </div>
  );
}
