import { useEffect, useRef, useState } from 'react';
import type {
  AlikePlan,
  MakeAlikeResult,
  NodeColumn,
  PairView,
} from '../../../../electron/contract';
import { useApi, useApiCall } from '../../api-context';
import { AddNodeForm } from './add-node-form';
import { MakeAlikePanel } from './make-alike-panel';
import { errorWords } from '../../error-words';
import { settingNames } from '../../words/outcome-words';
import { pairDifferenceWords } from '../../words/pair-difference-words';
import { nodeOutcomeWords } from '../../words/pair-outcome-words';
import { columnWord } from './node-words';
import { PairTable } from './pair-table';

const STATUS_WORDS: Record<MakeAlikeResult['outcomes'][number]['status'], string> = {
  applied: 'Applied',
  unchanged: 'Already alike',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** This computer and the nodes of its HA pair, side by side; `demoNode`: the demo's simulated node. */
export function PairPage({ demoNode = null }: { readonly demoNode?: string | null }) {
  const api = useApi();
  // The reads, plans and removals share one error line: the latest answer's.
  const { busy, error, run, setError } = useApiCall();
  const [view, setView] = useState<PairView | null>(null);
  const [loading, setLoading] = useState(true);
  const [plan, setPlan] = useState<{ plan: AlikePlan; name: string } | null>(null);
  const [result, setResult] = useState<MakeAlikeResult | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const outcomeNames = settingNames(
    result?.view.columns.flatMap((c) => (c.read.ok ? c.read.settings : [])) ?? [],
  );

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
  }, [api, readKey, setError]);

  useEffect(() => {
    if (result) outcomeRef.current?.focus();
  }, [result]);

  const planFor = async (column: NodeColumn) => {
    setResult(null);
    const planned = await run((a) => a.planAlike({ reference: column.id }));
    if (planned) setPlan({ plan: planned, name: columnWord(column) });
  };
  const remove = async (column: NodeColumn) => {
    const removed = await run((a) => a.removeNode({ node: column.id }));
    if (removed) setView(removed);
  };

  return (
    <div className="pair-page">
      <section className="panel" aria-labelledby="pair-title">
        <h2 id="pair-title">Pair and fleet</h2>
        <p className="hint">
          Every node that may take over the virtual IP needs the setting, now and at every boot. Add
          the other nodes by SSH to compare them with this computer and make them alike.
        </p>
        <AddNodeForm
          demoNode={demoNode}
          onAdded={(v) => {
            setView(v);
            setError(null);
          }}
        />
      </section>
      {error?.code === 'nodes-unavailable' ? (
        // Not a failure: what the demo cannot do, said as a note.
        <p className="note drift" role="note" data-testid="nodes-unavailable">
          {errorWords(error)}
        </p>
      ) : error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
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
              // Focusable while it reads: a disabled button would drop the focus to the page.
              aria-disabled={loading || busy || undefined}
              onClick={() => {
                if (loading || busy) return;
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
              All machines that could be read agree, now and at boot.
            </p>
          ) : (
            <div className="differences" role="status">
              <h3>Differences</h3>
              <ul>
                {view.differences.map(pairDifferenceWords).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          )}
          <PairTable
            view={view}
            busy={busy || plan !== null}
            onMakeAlike={(c) => void planFor(c)}
            onRemove={(c) => void remove(c)}
          />
        </section>
      ) : null}
      {plan ? (
        <MakeAlikePanel
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
              // The live region sits inside the item: an item given a role is no list item.
              <li key={o.id} className={`outcome-${o.status}`}>
                <span role={o.status === 'failed' ? 'alert' : 'status'}>
                  <strong>
                    {STATUS_WORDS[o.status]}: {o.name}
                  </strong>{' '}
                  — {nodeOutcomeWords(o, outcomeNames)}
                </span>
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
