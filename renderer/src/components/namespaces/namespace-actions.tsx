import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import type {
  BindTestResult,
  NamespaceEntry,
  NamespaceReading,
  SettingState,
  WillFailFinding,
} from '../../../../electron/contract';
import { useApiCall } from '../../api-context';
import { errorWords } from '../../error-words';
import { updateThenFocus } from '../../focus-after';
import { formatList } from '../../i18n/format';
import { settingWords } from '../../setting-words';
import { bindTestWords } from '../../words/bind-test-words';
import {
  insideValueWords,
  notKeptWords,
  readProblemWords,
} from '../../words/namespace-inside-words';
import { namespaceTitleMidSentence } from '../../words/namespace-title-words';

interface ActionsProps {
  readonly ns: NamespaceEntry;
  /** The catalogue's settings, as the main view read them: which ids to turn on. */
  readonly settings: readonly SettingState[] | null;
  /** What was last read inside: a setting not there (no IPv6 in it) is left alone. */
  readonly reading: NamespaceReading | undefined;
  readonly onReadBack: (reading: NamespaceReading, findings: readonly WillFailFinding[]) => void;
}

/** "Turn it on now in this namespace": every setting to 1 there, then read back inside. */
function TurnOnNow({ ns, settings, reading, onReadBack }: ActionsProps) {
  const { t } = useLingui();
  const { busy, error, run } = useApiCall();
  const [readBack, setReadBack] = useState<NamespaceReading | null>(null);
  const resultId = `namespace-${ns.inode}-read-back`;
  const turnOn = async () => {
    if (busy || settings === null) return;
    const present = settings.filter(
      (s) => !reading?.ok || reading.values[s.id]?.kind !== 'unavailable',
    );
    const values = Object.fromEntries(present.map((s) => [s.id, 1 as const]));
    const answer = await run((api) => api.setInsideNamespace({ inode: ns.inode, values }));
    if (answer) onReadBack(answer.reading, answer.findings ?? []);
    updateThenFocus(() => setReadBack(answer?.reading ?? null), resultId);
  };
  const turnOnWords = t`Turn it on now in this namespace`;
  /** "Read back inside net:[4026532000]: IPv4 non-local bind on, IPv6 non-local bind on." */
  const readBackWords = (back: Extract<NamespaceReading, { ok: true }>) => {
    const namespaceId = `net:[${back.inode}]`;
    const values = formatList(
      Object.entries(back.values).map(([id, v]) => {
        const setting = settingWords(id).label;
        const value = insideValueWords(v);
        return t({ message: `${setting} ${value}`, comment: 'a setting and its value, in a list' });
      }),
      { type: 'unit', style: 'short' },
    );
    return t`Read back inside ${namespaceId}: ${values}.`;
  };
  return (
    <>
      <h4>{turnOnWords}</h4>
      <p className="note warning">{notKeptWords(ns.kind)}</p>
      <button
        type="button"
        className="button small"
        aria-disabled={busy || settings === null}
        onClick={() => void turnOn()}
      >
        {busy ? t`Turning it on…` : turnOnWords}
      </button>
      <div id={resultId} tabIndex={-1} role="status" data-testid="namespace-read-back">
        {readBack?.ok ? (
          <p>{readBackWords(readBack)}</p>
        ) : readBack ? (
          <p className="inline-error">{readProblemWords(readBack.problem)}</p>
        ) : null}
        {error ? <p className="inline-error">{errorWords(error)}</p> : null}
      </div>
    </>
  );
}

/** The bind test, run inside this namespace: proof where the service runs. */
function BindTestHere({ ns }: { readonly ns: NamespaceEntry }) {
  const { t } = useLingui();
  const { busy, error, run } = useApiCall();
  const [address, setAddress] = useState('');
  const [result, setResult] = useState<BindTestResult | null>(null);
  const vip = ns.findings?.[0]?.address ?? '192.0.2.10';
  const inputId = `namespace-${ns.inode}-address`;
  const resultId = `namespace-${ns.inode}-bind-result`;
  // "container web-lb", mid-sentence.
  const name = namespaceTitleMidSentence(ns);
  const namespaceId = `net:[${ns.inode}]`;
  const testWords = t`Test an address in this namespace`;
  const resultLead = (address: string) =>
    t({
      message: `In ${name} (${namespaceId}), ${address}:`,
      comment: 'where a bind test ran and the address it bound; its outcome follows',
    });
  const test = async () => {
    if (busy) return;
    const answer = await run((api) => api.testBindInNamespace({ inode: ns.inode, address }));
    updateThenFocus(() => setResult(answer?.results[0] ?? null), resultId);
  };
  return (
    <>
      <h4>{testWords}</h4>
      <form
        className="bind-form"
        onSubmit={(e) => {
          e.preventDefault();
          void test();
        }}
      >
        <label htmlFor={inputId}>
          <Trans>IP address</Trans>
        </label>
        <input
          id={inputId}
          type="text"
          value={address}
          spellCheck={false}
          placeholder={vip}
          aria-invalid={error?.code === 'invalid-address'}
          onChange={(e) => setAddress(e.target.value)}
        />
        <button type="submit" className="button small" aria-disabled={busy}>
          {testWords}
        </button>
      </form>
      <div id={resultId} tabIndex={-1} role="status" data-testid="namespace-bind-result">
        {result ? (
          <p className={`bind-result outcome-${result.outcome}`}>
            <strong>{resultLead(result.address)}</strong> {bindTestWords(result, name)}
          </p>
        ) : null}
        {error ? <p className="inline-error">{errorWords(error)}</p> : null}
      </div>
    </>
  );
}

/** What can be done inside another namespace from here: turn it on now, and prove it. */
export function NamespaceActions(props: ActionsProps) {
  return (
    <div className="namespace-actions">
      <TurnOnNow {...props} />
      <BindTestHere ns={props.ns} />
    </div>
  );
}
