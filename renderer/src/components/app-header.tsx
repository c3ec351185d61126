export interface AppHeaderProps {
  readonly readAt: string | null;
  readonly refreshing: boolean;
  readonly disabled: boolean;
  readonly onRefresh: () => void;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function AppHeader({ readAt, refreshing, disabled, onRefresh }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div>
        <h1>Nonlocal Bind</h1>
        <p className="subtitle">
          Let services listen on virtual IPs this computer doesn't hold yet.
        </p>
      </div>
      <div className="header-actions">
        <span className="read-at" aria-live="polite">
          {refreshing ? 'Reading…' : readAt ? `Read at ${formatTime(readAt)}` : ''}
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
          Refresh
        </button>
      </div>
    </header>
  );
}
