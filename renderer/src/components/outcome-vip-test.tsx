import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import type { ApiError, BindTestResult } from '../../../electron/contract';
import { useApi } from '../api-context';
import { errorWords } from '../error-words';
import { bindTestWords } from '../words/bind-test-words';
import { TurnOnButton, type FixFor } from './bind-test-panel';

/** A test that failed because the setting is off offers its switch, right there. */
function FixButton({ answer, fixFor }: { answer: BindTestResult | ApiError; fixFor: FixFor }) {
  const fix = isResult(answer) && answer.outcome === 'not-local' ? fixFor(answer.family) : null;
  if (!fix) return null;
  return (
    <>
      {' '}
      <TurnOnButton fix={fix} />
    </>
  );
}

type Tested = { readonly address: string; readonly answer: BindTestResult | ApiError };

const isResult = (a: BindTestResult | ApiError): a is BindTestResult => 'outcome' in a;

/**
 * The proof right after an Apply: "Test VIP now" tests the virtual IPs the load balancer
 * files name; when they name none, a field takes one. Each answer is one line.
 */
export function OutcomeVipTest({
  onStarted,
  fixFor,
}: {
  readonly onStarted: () => void;
  readonly fixFor: FixFor;
}) {
  const api = useApi();
  const { t } = useLingui();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [tested, setTested] = useState<readonly Tested[]>([]);
  const field = useRef<HTMLInputElement>(null);
  // The field replaces the button the focus was on: once it is in the page, the focus goes
  // into it (after the commit, not a frame guessed before it, which a loaded machine loses).
  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);

  const testAll = async (addresses: readonly string[]) => {
    const answers = await Promise.all(
      addresses.map(async (address) => {
        const answer = await api.testBind({ address, port: '' });
        return { address, answer: answer.ok ? answer.value : answer.error };
      }),
    );
    setTested(answers);
  };
  const start = async () => {
    onStarted();
    setBusy(true);
    const found = await api.discoverVips();
    const addresses = found.ok
      ? [...new Set(found.value.entries.filter((e) => !e.wildcard).map((e) => e.address))]
      : [];
    if (addresses.length > 0) await testAll(addresses.slice(0, 8));
    else setAsking(true);
    setBusy(false);
  };
  return (
    <div className="outcome-vip-test" data-testid="outcome-vip-test">
      {asking ? (
        <form
          className="outcome-vip-form"
          onSubmit={(e) => {
            e.preventDefault();
            void testAll([typed.trim()]);
          }}
        >
          <label>
            <Trans>No virtual IP found in the load balancer files. Virtual IP</Trans>{' '}
            <input
              ref={field}
              type="text"
              value={typed}
              spellCheck={false}
              size={18}
              placeholder="192.0.2.10"
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>{' '}
          <button type="submit" className="button small">
            <Trans comment="button: run the bind test">Test</Trans>
          </button>
        </form>
      ) : (
        <button type="button" className="button small" disabled={busy} onClick={() => void start()}>
          {busy ? t`Testing…` : tested.length > 0 ? t`Test again` : t`Test VIP now`}
        </button>
      )}
      {tested.length > 0 ? (
        <ul className="outcome-vip-results" data-testid="outcome-vip-results">
          {tested.map(({ address, answer }) => (
            <li key={address} className={isResult(answer) ? `outcome-${answer.outcome}` : ''}>
              <strong>
                {t({
                  message: `${address}:`,
                  comment: 'an address, then what its bind test found',
                })}
              </strong>{' '}
              {isResult(answer) ? bindTestWords(answer) : errorWords(answer)}
              <FixButton answer={answer} fixFor={fixFor} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
