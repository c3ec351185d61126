import { Trans } from '@lingui/react/macro';
import type { ReadOnlyProcSys } from '../../../electron/contract';

/** On each card: the setting cannot be changed from here, found out before any click. */
export function ReadOnlyProcLine({
  id,
  readOnly,
}: {
  /** The card's switch is described by it: the reason it is off. */
  readonly id: string;
  readonly readOnly: ReadOnlyProcSys;
}) {
  const { mountPoint } = readOnly;
  return (
    <p id={id} className="note warning readonly-line" role="note" data-testid="readonly-proc-line">
      <Trans>
        Cannot be changed from inside this container: {mountPoint} is mounted read-only here. Change
        it where the container is started (below).
      </Trans>
    </p>
  );
}
