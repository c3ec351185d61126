import type { ApiError } from '../../../electron/contract';

export interface ErrorPanelProps {
  readonly title: string;
  readonly error: ApiError;
  readonly onRetry?: () => void;
}

/** A problem in words, with technical details tucked away for support staff. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {error.details ? (
        <details>
          <summary>Details</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
