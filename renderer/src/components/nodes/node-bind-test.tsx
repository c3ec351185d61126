import { useState } from 'react';
import type {
  ApiError,
  NodeBindTestResult,
  NodeColumn,
  NodeReading,
  NonlocalBindApi,
} from '../../../../electron/contract';

/** Binds each VIP the machine's configuration names, on that machine (port 0, bind only). */
export function NodeBindTest({
  api,
  column,
  reading,
}: {
  readonly api: NonlocalBindApi;
  readonly column: NodeColumn;
  readonly reading: NodeReading;
}) {
  const [result, setResult] = useState<NodeBindTestResult | ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const addresses = [
    ...new Set(reading.vips.entries.filter((e) => !e.wildcard).map((e) => e.address)),
  ];
  if (addresses.length === 0) return null;
  const run = async () => {
    setBusy(true);
    const answer = await api.testBindOnNode({ node: column.id, addresses });
    setBusy(false);
    setResult(answer.ok ? answer.value : answer.error);
  };
  return (
    <div className="node-bind-test">
      <button
        type="button"
        className="button small"
        disabled={busy}
        aria-label={`Test binding the virtual IPs on ${column.name}`}
        onClick={() => void run()}
      >
        {busy ? 'Testing…' : 'Test binding there'}
      </button>
      {result && 'code' in result ? (
        <p className="inline-error" role="alert">
          {result.message}
        </p>
      ) : null}
      {result && 'results' in result ? (
        <div role="status">
          <ul className="bind-results">
            {result.results.map((r) => (
              <li key={r.address} className={r.outcome === 'works' ? 'works' : 'fails'}>
                {r.message}
              </li>
            ))}
          </ul>
          <p className="hint">{result.note}</p>
        </div>
      ) : null}
    </div>
  );
}
