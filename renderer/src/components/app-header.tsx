import { Trans, useLingui } from '@lingui/react/macro';
import { formatTime } from '../i18n/format';

export interface AppHeaderProps {
  readonly readAt: string | null;
  readonly refreshing: boolean;
  readonly disabled: boolean;
  readonly onRefresh: () => void;
}

/** The product's name: the same in every language. */
const APP_NAME = 'Nonlocal Bind';

export function AppHeader({ readAt, refreshing, disabled, onRefresh }: AppHeaderProps) {
  const { t } = useLingui();
  const time = readAt ? formatTime(readAt) : null;
  return (
    <header className="app-header">
      <div>
        <h1 translate="no">{APP_NAME}</h1>
        <p className="subtitle">
          <Trans>Let services listen on virtual IPs this computer doesn't hold yet.</Trans>
        </p>
      </div>
      <div className="header-actions">
        <span className="read-at" aria-live="polite">
          {refreshing
            ? t`Reading…`
            : time
              ? t({ message: `Read at ${time}`, comment: 'time: when the values were read' })
              : ''}
        </span>
        {/* While it reads, the button stays focusable (aria-disabled, not disabled): a
            disabled button drops the focus to the page, and the keyboard user with it. */}
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!refreshing) onRefresh();
          }}
          aria-disabled={refreshing || undefined}
          disabled={disabled}
        >
          <Trans comment="button: read the values from the system again">Refresh</Trans>
        </button>
      </div>
    </header>
  );
}
