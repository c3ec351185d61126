import { useEffect, useRef, useState } from 'react';
import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
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

type AlikeOutcome = MakeAlikeResult['outcomes'][number];

/** How each machine's Apply ended, before its name in the outcome list. */
const STATUS_WORDS: Record<AlikeOutcome['status'], MessageDescriptor> = {
  applied: msg({ message: 'Applied', comment: 'how making one machine alike ended' }),
  unchanged: msg({ message: 'Already alike', comment: 'how making one machine alike ended' }),
  failed: msg({ message: 'Failed', comment: 'how making one machine alike ended' }),
  skipped: msg({ message: 'Skipped', comment: 'how making one machine alike ended' }),
};

/** One machine's outcome: the status and name in bold, then what happened there. */
function OutcomeLine({
  outcome,
  words,
}: {
  readonly outcome: AlikeOutcome;
  readonly words: string;
}) {
  const { i18n } = useLingui();
  const status = i18n._(STATUS_WORDS[outcome.status]);
  const machine = outcome.name;
  return (
    <Trans comment="status of one machine, its name, then what happened there">
      <strong>
        {status}: {machine}
      </strong>{' '}
      — {words}
    </Trans>
  );
}

/** This computer and the nodes of its HA pair, side by side; `demoNode`: the demo's simulated node. */
export function PairPage({ demoNode = null }: { readonly demoNode?: string | null }) {
  const { t } = useLingui();
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
        <h2 id="pair-title">
          <Trans>Pair and fleet</Trans>
        </h2>
        <p className="hint">
          <Trans>
            Every node that may take over the virtual IP needs the setting, now and at every boot.
            Add the other nodes by SSH to compare them with this computer and make them alike.
          </Trans>
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
          <Trans>Reading this computer and the nodes…</Trans>
        </p>
      ) : null}
      {view ? (
        <section className="panel" aria-labelledby="side-by-side-title">
          <div className="panel-heading">
            <h2 id="side-by-side-title">
              <Trans>Side by side</Trans>
            </h2>
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
              {loading ? t`Reading…` : t`Read all again`}
            </button>
          </div>
          {view.columns.length < 2 ? (
            <p>
              <Trans>No nodes yet: add the other node of the pair above.</Trans>
            </p>
          ) : view.differences.length === 0 ? (
            <p className="alike" role="status">
              <Trans>All machines that could be read agree, now and at boot.</Trans>
            </p>
          ) : (
            <div className="differences" role="status">
              <h3>
                <Trans>Differences</Trans>
              </h3>
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
          <h2 id="outcome-title">
            <Trans>Outcome on each machine</Trans>
          </h2>
          <ul>
            {result.outcomes.map((o) => (
              // The live region sits inside the item: an item given a role is no list item.
              <li key={o.id} className={`outcome-${o.status}`}>
                <span role={o.status === 'failed' ? 'alert' : 'status'}>
                  <OutcomeLine outcome={o} words={nodeOutcomeWords(o, outcomeNames)} />
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="button small" onClick={() => setResult(null)}>
            <Trans comment="button: hide the outcome list">Dismiss</Trans>
          </button>
        </div>
      ) : null}
    </div>
  );
}
