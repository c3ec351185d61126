import { Plural, Trans } from '@lingui/react/macro';
import { useBarHeightRef } from './use-bar-height';
import { useCtrlEnter } from '../use-ctrl-enter';

export interface PendingElsewhereBarProps {
  /** How many changes wait on "This computer". */
  readonly count: number;
  /** Shows "This computer" with the focus on its Apply. */
  readonly onShow: () => void;
}

/**
 * On the pair view, this computer's pending change stays in reach: the bar says
 * it is waiting, and its button (or Ctrl+Enter, as on the other view) leads to
 * Apply there. It does not apply from here: the change is reviewed where it is
 * shown in full.
 */
export function PendingElsewhereBar({ count, onShow }: PendingElsewhereBarProps) {
  const measureBarHeight = useBarHeightRef();
  // Not in the pair view's own fields (an SSH destination, a sudo password): leaving the
  // view would throw away what was typed. useCtrlEnter leaves those alone.
  useCtrlEnter((e) => {
    e.preventDefault();
    onShow();
  });
  return (
    <section
      ref={measureBarHeight}
      className="apply-bar slim"
      aria-labelledby="pending-elsewhere-title"
      data-testid="pending-elsewhere"
    >
      <div className="apply-actions">
        <p className="auth-hint" id="pending-elsewhere-title">
          <Plural
            value={count}
            one="A change to this computer is waiting to be applied."
            other="# changes to this computer are waiting to be applied."
          />
        </p>
        <button
          type="button"
          className="button primary"
          aria-keyshortcuts="Control+Enter"
          onClick={onShow}
        >
          <Trans>Review and apply…</Trans>
        </button>
      </div>
    </section>
  );
}
