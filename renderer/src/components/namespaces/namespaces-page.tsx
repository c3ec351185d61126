import { Trans, useLingui } from '@lingui/react/macro';
import type { SettingState } from '../../../../electron/contract';
import { errorWords } from '../../error-words';
import type { NamespacesState } from '../../use-namespaces';
import { truncationWords, unseenWords } from '../../words/namespace-words';
import { LookInside } from './look-inside';
import { NamespaceCard } from './namespace-card';
import './namespaces.css';

/**
 * Every network namespace on this computer (issue 18): the app's own with its values, then
 * the others with what runs in them, their values once read from inside (one button, one
 * password), what will fail to start, turning it on now there, a bind test there, and how
 * their own setting is kept.
 */
export function NamespacesPage({
  namespaces,
  settings,
}: {
  readonly namespaces: NamespacesState;
  readonly settings: readonly SettingState[] | null;
}) {
  const { t } = useLingui();
  const { view, busy, error, reload, readings, readable, record } = namespaces;
  const ipNetns = 'ip netns';
  const unseen = view ? unseenWords(view.unseen) : [];
  return (
    <section className="panel namespaces-page" aria-labelledby="namespaces-title">
      <div className="panel-heading">
        <h2 id="namespaces-title">
          <Trans>Network namespaces</Trans>
        </h2>
        <button type="button" className="button small" disabled={busy} onClick={reload}>
          {busy ? t`Looking…` : t`Look again`}
        </button>
      </div>
      <p className="hint">
        <Trans>
          Each network namespace — a container’s, a pod’s, one made with <code>{ipNetns}</code> —
          has its own value of these settings, and a new one starts with them off, whatever this
          computer says. A load balancer in one of them needs the setting there.
        </Trans>
      </p>
      <LookInside namespaces={namespaces} />
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {view === null && !error ? (
        <p className="loading" role="status">
          <Trans>Listing the network namespaces…</Trans>
        </p>
      ) : null}
      {view && (unseen.length > 0 || view.truncated.length > 0) ? (
        <div className="note warning" role="note" data-testid="namespaces-unseen">
          <p>
            <Trans>Not everything could be seen:</Trans>
          </p>
          <ul>
            {[...view.truncated.map(truncationWords), ...unseen].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view ? (
        <ol className="namespace-list">
          {view.namespaces.map((ns) => (
            <NamespaceCard
              key={ns.inode}
              ns={ns}
              settings={settings}
              reading={readings.get(ns.inode)}
              canEnter={readable.some((r) => r.inode === ns.inode)}
              onReadBack={record}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
