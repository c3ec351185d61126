import type { ApiError } from '../../../electron/contract';
import { errorWords } from '../error-words';
import { CommandBlocks } from './command-blocks';
import { InlineCode } from './inline-code';

export interface ErrorPanelProps {
  readonly title: string;
  readonly error: ApiError;
  readonly onRetry?: () => void;
  /** The heading's id, for a container named by it. */
  readonly titleId?: string;
  /** False where the panel is put into a live region that already exists. */
  readonly live?: boolean;
}

/**
 * A problem in words that ends with the next step: the ways out are shown
 * (one copyable block each) and only raw technical output is tucked away.
 */
export function ErrorPanel({ title, error, onRetry, titleId, live = true }: ErrorPanelProps) {
  return (
    <div className="error-panel" role={live ? 'alert' : undefined}>
      <h2 id={titleId}>{title}</h2>
      <p>
        <InlineCode text={errorWords(error)} />
      </p>
      {error.alternatives && error.alternatives.length > 0 ? (
        // After a refusal the next step is trying again; the commands are for an administrator.
        error.code === 'auth-refused' ? (
          <details className="alternatives">
            <summary>Commands an administrator can run instead</summary>
            <CommandBlocks blocks={error.alternatives} />
          </details>
        ) : (
          <div className="alternatives">
            <CommandBlocks blocks={error.alternatives} />
          </div>
        )
      ) : null}
      {error.details ? (
        <details>
          <summary>Technical details</summary>
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
