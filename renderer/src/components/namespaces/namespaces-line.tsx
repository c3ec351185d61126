import { Trans, useLingui } from '@lingui/react/macro';
import type { NamespacesView } from '../../../../electron/contract';
import { attentionWords } from '../../words/namespace-inside-words';
import { namespacesLineWords } from '../../words/namespace-words';
import './namespaces.css';

/**
 * The main page's one line about the other network namespaces, each with its own value of
 * these settings, and the way to see them. Nothing when the app's network is the only one.
 */
export function NamespacesLine({
  view,
  onOpen,
}: {
  readonly view: NamespacesView | null;
  readonly onOpen: () => void;
}) {
  const { t } = useLingui();
  const words = view ? namespacesLineWords(view) : null;
  if (view === null || words === null) return null;
  const findings = view.namespaces.flatMap((n) => n.findings ?? []);
  const attention = attentionWords(findings);
  const willFail = findings.some((f) => f.value === 'off');
  return (
    <p className={`namespaces-line${willFail ? ' attention' : ''}`} data-testid="namespaces-line">
      <span>{`${words} ${t`The switches above change this app’s network only.`}`}</span>
      {/* Bold only for what will fail; the question before looking inside stays plain. */}
      {attention && willFail ? <strong> {attention}</strong> : null}
      {attention && !willFail ? <span> {attention}</span> : null}{' '}
      <button type="button" className="button small" onClick={onOpen}>
        <Trans>Show network namespaces</Trans>
      </button>
    </p>
  );
}
