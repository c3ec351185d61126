import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { AddressFamily, BindTestResult } from '../../../electron/contract';
import { errorWords } from '../error-words';
import { bindTestWords } from '../words/bind-test-words';
import { useApiCall } from '../api-context';

export interface BindTestPanelProps {
  /** Changes after every Apply, so the panel can offer to test again. */
  readonly appliedCount: number;
  /**
   * The switch that lets a failed test pass: its label and how to turn it on (the change
   * then waits in the bar); null when it is on or already waits.
   */
  readonly fixFor: FixFor;
}

/** The switch that lets a failed bind test pass; null when it is on or already waits. */
export type FixFor = (family: AddressFamily) => { label: string; turnOn: () => void } | null;

/** "Will HAProxy be able to bind here?" answered by really listening on the address, never connecting. */
export function BindTestPanel({ appliedCount, fixFor }: BindTestPanelProps) {
  const { t } = useLingui();
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('');
  const { busy, error, run } = useApiCall();
  const [result, setResult] = useState<{ value: BindTestResult; appliedCount: number } | null>(
    null,
  );

  const test = async (addr: string, p: string) => {
    const value = await run((api) => api.testBind({ address: addr, port: p }));
    setResult(value ? { value, appliedCount } : null);
  };

  const stale = result !== null && result.appliedCount !== appliedCount;
  const fix = result?.value.outcome === 'not-local' && !stale ? fixFor(result.value.family) : null;
  return (
    <section className="panel" aria-labelledby="bind-test-title">
      <h2 id="bind-test-title">
        <Trans>Test a virtual IP</Trans>
      </h2>
      <p className="hint">
        <Trans>
          Opens a listening socket on the address for an instant, as HAProxy or Nginx would, then
          closes it. Nothing is sent.
        </Trans>
      </p>
      <form
        className="bind-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void test(address, port);
        }}
      >
        <label>
          <Trans>IP address</Trans>
          <input
            type="text"
            value={address}
            spellCheck={false}
            placeholder="192.0.2.10"
            aria-invalid={error?.code === 'invalid-address'}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <label>
          <Trans>Port (optional)</Trans>
          <input
            type="text"
            inputMode="numeric"
            value={port}
            placeholder={t({ message: 'any', comment: 'placeholder of the port field: any port' })}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        {/* Focusable while it tests: a disabled button would drop the focus to the page. */}
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          <Trans comment="button: run the bind test">Test</Trans>
        </button>
      </form>
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {result ? (
        <BindResult
          result={result.value}
          stale={stale}
          fix={fix}
          onTestAgain={() => void test(result.value.address, String(result.value.port || ''))}
        />
      ) : null}
    </section>
  );
}

/** One test's answer: the address, what it means here, and the way on. */
function BindResult({
  result,
  stale,
  fix,
  onTestAgain,
}: {
  readonly result: BindTestResult;
  readonly stale: boolean;
  readonly fix: ReturnType<FixFor>;
  readonly onTestAgain: () => void;
}) {
  const { t } = useLingui();
  const { address } = result;
  // The port is a value, never formatted as a number (8080, not 8,080).
  const port = result.port ? String(result.port) : null;
  return (
    <div
      className={`bind-result outcome-${result.outcome}${stale ? ' stale' : ''}`}
      role="status"
      data-testid="bind-result"
    >
      <p>
        {stale ? (
          <span className="stale-tag" data-testid="bind-result-stale">
            <Trans>Out of date, tested before the last Apply:</Trans>{' '}
          </span>
        ) : null}
        <strong>
          {port
            ? t({
                message: `${address} port ${port}:`,
                comment: 'an address, then what its bind test found',
              })
            : t({ message: `${address}:`, comment: 'an address, then what its bind test found' })}
        </strong>{' '}
        {bindTestWords(result)}
      </p>
      <p className="hint">
        {result.anyAddress
          ? t`This is the any-address: listening on it means listening on all of this computer’s addresses at once.`
          : result.assignedLocally
            ? t`This address belongs to this computer (loopback, or assigned to one of its network interfaces).`
            : t`This computer does not hold this address right now; another node may, or it may arrive with a failover.`}
      </p>
      {fix ? <TurnOnButton fix={fix} /> : null}
      {stale ? (
        <button type="button" className="button small" onClick={onTestAgain}>
          <Trans>Settings changed: test {address} again</Trans>
        </button>
      ) : null}
    </div>
  );
}

/** "Turn IPv4 non-local bind on": the switch a failed test needs, right where it failed. */
export function TurnOnButton({ fix }: { readonly fix: NonNullable<ReturnType<FixFor>> }) {
  const { label } = fix;
  return (
    <button type="button" className="button small" onClick={fix.turnOn}>
      <Trans comment="label: the name of a setting, e.g. “IPv4 non-local bind”">
        Turn {label} on
      </Trans>
    </button>
  );
}
