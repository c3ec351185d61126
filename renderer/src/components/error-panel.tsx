import { lazy, Suspense } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import type { ApiError, CommandBlock, DistroFamily } from '../../../electron/contract';
import { firstPaintErrorWords } from '../first-paint-error-words';
import { errorHeadline, foldedCommandsLabel, splitForDistro } from '../words/error-headline-words';
import { InlineCode } from './inline-code';

export interface ErrorPanelProps {
  readonly title: string;
  readonly error: ApiError;
  readonly onRetry?: () => void;
  /** The heading's id, for a container named by it. */
  readonly titleId?: string;
  /** False where the panel is put into a live region that already exists. */
  readonly live?: boolean;
  /** The distribution the app runs on: its install command is shown, the others folded. */
  readonly distro?: DistroFamily | null;
  /**
   * The error in words, from error-words.ts where it may carry any data (Apply outcomes).
   * Left out on the first screen, whose errors are worded without loading every view's
   * words (first-paint-error-words.ts).
   */
  readonly words?: string;
}

/**
 * Only Apply outcomes carry commands (the first screen's errors have none), so their
 * words and Copy buttons load with the first panel that shows some, not before first paint.
 */
const CommandBlocks = lazy(() =>
  import('./command-blocks').then((m) => ({ default: m.CommandBlocks })),
);

function Commands({ blocks }: { readonly blocks: CommandBlock[] }) {
  return (
    <Suspense fallback={null}>
      <CommandBlocks blocks={blocks} />
    </Suspense>
  );
}

function Folded({ label, blocks }: { readonly label: string; readonly blocks: CommandBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <details className="alternatives">
      <summary>{label}</summary>
      <Commands blocks={blocks} />
    </details>
  );
}

/** "Not applied: The password was not accepted": the short title names the container. */
function ErrorTitle({
  title,
  titleId,
  headline,
}: {
  readonly title: string;
  readonly titleId: string | undefined;
  readonly headline: string;
}) {
  return (
    <Trans comment="title: a short error title such as “Not applied”; headline: what went wrong">
      <span id={titleId}>{title}</span>: {headline}
    </Trans>
  );
}

/**
 * A short titled alert that ends with the next step: a one-line title, a sentence or
 * two, the one command for this distribution, and everything else folded away, so it
 * never takes over the window.
 */
export function ErrorPanel(props: ErrorPanelProps) {
  const { title, error, onRetry, titleId, live = true } = props;
  const headline = errorHeadline(error);
  const { mine, others, rest } = splitForDistro(error.alternatives ?? [], props.distro ?? null);
  const { t } = useLingui();
  return (
    <div className="error-panel" role={live ? 'alert' : undefined} data-testid="error-panel">
      {headline ? (
        // The container is named by the short title; the headline follows it on the line.
        <h2 className="error-title">
          <ErrorTitle title={title} titleId={titleId} headline={headline.headline} />
        </h2>
      ) : (
        <h2 id={titleId} className="error-title">
          {title}
        </h2>
      )}
      <p>
        <InlineCode
          text={headline ? headline.body : (props.words ?? firstPaintErrorWords(error))}
        />
      </p>
      {mine.length > 0 ? <Commands blocks={mine} /> : null}
      <div className="folds">
        <Folded
          label={
            mine.length > 0
              ? t({
                  message: 'Other systems',
                  comment: 'folded install commands for the other Linux distributions',
                })
              : t({ message: 'Install commands', comment: 'folded install commands' })
          }
          blocks={others}
        />
        <Folded label={foldedCommandsLabel(error)} blocks={rest} />
        {error.details ? (
          <details>
            <summary>
              <Trans>Technical details</Trans>
            </summary>
            <pre>{error.details}</pre>
          </details>
        ) : null}
      </div>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          <Trans>Try again</Trans>
        </button>
      ) : null}
    </div>
  );
}
