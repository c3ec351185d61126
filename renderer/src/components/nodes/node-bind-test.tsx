import { useState } from 'react';
import { useLingui } from '@lingui/react/macro';
import type { BindTestResult, NodeColumn, NodeReading } from '../../../../electron/contract';
import { useApiCall } from '../../api-context';
import { errorWords } from '../../error-words';
import { bindTestWords } from '../../words/bind-test-words';
import { columnWord } from './node-words';

/** Binds each VIP the machine's configuration names, on that machine (port 0, bind only). */
export function NodeBindTest({
  column,
  reading,
}: {
  readonly column: NodeColumn;
  readonly reading: NodeReading;
}) {
  const { t } = useLingui();
  const { busy, error, run: call } = useApiCall();
  const [result, setResult] = useState<readonly BindTestResult[] | null>(null);
  const addresses = [
    ...new Set(reading.vips.entries.filter((e) => !e.wildcard).map((e) => e.address)),
  ];
  if (addresses.length === 0) return null;
  const run = async () => {
    setResult(await call((api) => api.testBindOnNode({ node: column.id, addresses })));
  };
  const machine = column.name;
  const resultLine = (r: BindTestResult) => {
    const { address } = r;
    const outcome = bindTestWords(r, columnWord(column));
    return t({
      message: `${address}: ${outcome}`,
      comment: 'an address, then what binding it did',
    });
  };
  return (
    <div className="node-bind-test">
      <button
        type="button"
        className="button small"
        // Focusable while it tests: a disabled button would drop the focus to the page.
        aria-disabled={busy || undefined}
        aria-label={t`Test binding the virtual IPs on ${machine}`}
        onClick={() => {
          if (!busy) void run();
        }}
      >
        {busy ? t`Testing…` : t`Test binding there`}
      </button>
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {/* The live region wraps the list: a list given role="status" is no list to a screen reader. */}
      {result ? (
        <div role="status">
          <ul className="bind-results">
            {result.map((r) => (
              <li key={r.address} className={r.outcome === 'works' ? 'works' : 'fails'}>
                {resultLine(r)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
