import { useEffect, useRef, useState } from 'react';
import type {
  AlikePlan,
  ApiError,
  MakeAlikeResult,
  NodeColumn,
  NonlocalBindApi,
  PairView,
} from '../../../../electron/contract';
import { AddNodeForm } from './add-node-form';
import { MakeAlikePanel } from './make-alike-panel';
import { columnWord, withoutName } from './node-words';
import { PairTable } from './pair-table';

const STATUS_WORDS: Record<MakeAlikeResult['outcomes'][number]['status'], string> = {
  applied: 'Applied',
  unchanged: 'Already alike',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** This computer and the nodes of its HA pair, side by side. */
export function PairPage({ api }: { readonly api: NonlocalBindApi }) {
  const [view, setView] = useState<PairView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [plan, setPlan] = useState<{ plan: AlikePlan; name: string } | null>(null);
  const [result, setResult] = useState<MakeAlikeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // "Read all again" bumps the key: the first read and every re-read are one effect.
  const [readKey, setReadKey] = useState(0);
  useEffect(() => {
    let live = true;
    void api.viewNodes().then((answer) => {
      if (!live) return;
      setLoading(false);
      if (answer.ok) {
        setView(answer.value);
        setError(null);
      } else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [api, readKey]);

  useEffect(() => {
    if (result) outcomeRef.current?.focus();
  }, [result]);

  const planFor = async (column: NodeColumn) => {
    setBusy(true);
    setResult(null);
    const answer = await api.planAlike({ reference: column.id });
    setBusy(false);
    if (answer.ok)
      setPlan({
        plan: answer.value,
        name: columnWord(column),
      });
    else setError(answer.error);
  };
  const remove = async (column: NodeColumn) => {
    setBusy(true);
    const answer = await api.removeNode({ node: column.id });
    setBusy(false);
    if (answer.ok) setView(answer.value);
    else setError(answer.error);
  };

  return (
    <div className="pair-page">
      <section className="panel" aria-labelledby="pair-title">
        <h2 id="pair-title">Both nodes of a pair</h2>
        <p className="hint">
          Every node that may take over the virtual IP needs the setting, now and after a reboot.
          Add the other nodes by SSH to compare them with this computer and make them alike.
        </p>
        <AddNodeForm
          api={api}
          onAdded={(v) => {
            setView(v);
            setError(null);
          }}
        />
      </section>
      {error?.code === 'nodes-unavailable' ? (
        // Not a failure: what the demo cannot do, said as a note.
        <p className="note drift" role="note" data-testid="nodes-unavailable">
          {error.message}
        </p>
      ) : error ? (
        <p className="inline-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {loading && !view ? (
        <p className="loading" role="status">
          Reading this computer and the nodes…
        </p>
      ) : null}
      {view ? (
        <section className="panel" aria-labelledby="side-by-side-title">
          <div className="panel-heading">
            <h2 id="side-by-side-title">Side by side</h2>
            <button
              type="button"
              className="button small"
              disabled={loading || busy}
              onClick={() => {
                setLoading(true);
                setReadKey((k) => k + 1);
              }}
            >
              {loading ? 'Reading…' : 'Read all again'}
            </button>
          </div>
          {view.columns.length < 2 ? (
            <p>No nodes yet: add the other node of the pair above.</p>
          ) : view.differences.length === 0 ? (
            <p className="alike" role="status">
              All machines that could be read agree, now and after a reboot.
            </p>
          ) : (
            <div className="differences" role="status">
              <h3>Differences</h3>
              <ul>
                {view.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          )}
          <PairTable
            api={api}
            view={view}
            busy={busy || plan !== null}
            onMakeAlike={(c) => void planFor(c)}
            onRemove={(c) => void remove(c)}
          />
        </section>
      ) : null}
      {plan ? (
        <MakeAlikePanel
          api={api}
          plan={plan.plan}
          referenceName={plan.name}
          onClose={() => setPlan(null)}
          onDone={(r) => {
            setResult(r);
            setView(r.view);
            setPlan(null);
          }}
        />
      ) : null}
      {result ? (
        <div
          className="panel outcomes"
          ref={outcomeRef}
          tabIndex={-1}
          aria-labelledby="outcome-title"
        >
          <h2 id="outcome-title">Outcome on each machine</h2>
          <ul>
            {result.outcomes.map((o) => (
              <li
                key={o.id}
                className={`outcome-${o.status}`}
                role={o.status === 'failed' ? 'alert' : 'status'}
              >
                <strong>
                  {STATUS_WORDS[o.status]}: {o.name}
                </strong>{' '}
                — {withoutName(o.message, o.name)}
              </li>
            ))}
          </ul>
          <button type="button" className="button small" onClick={() => setResult(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
