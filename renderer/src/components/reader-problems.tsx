import { Trans } from '@lingui/react/macro';

/**
 * What the app could not read while predicting the boot values, in words: a
 * FIFO, a device, a loop, a file over the size cap, too many files. Shown so
 * that a prediction never looks more certain than it is.
 */
export function ReaderProblems({ problems }: { readonly problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="note warning" role="note" data-testid="reader-problems">
      <p>
        <Trans>
          <strong>Some configuration could not be read.</strong> The values at boot are predicted
          from everything else:
        </Trans>
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
