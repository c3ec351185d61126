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
      <h2 id="bind-test-title">Test a virtual IP</h2>
      <p className="hint">
        Opens a listening socket on the address for an instant, as HAProxy or Nginx would, then
        closes it. Nothing is sent.
      </p>
      <form
        className="bind-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void test(address, port);
        }}
      >
        <label>
          IP address
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
          Port (optional)
          <input
            type="text"
            inputMode="numeric"
            value={port}
            placeholder="any"
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        {/* Focusable while it tests: a disabled button would drop the focus to the page. */}
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          Test
        </button>
      </form>
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {result ? (
        <div
          className={`bind-result outcome-${result.value.outcome}${stale ? ' stale' : ''}`}
          role="status"
          data-testid="bind-result"
        >
          <p>
            {stale ? (
              <span className="stale-tag" data-testid="bind-result-stale">
                Out of date, tested before the last Apply:{' '}
              </span>
            ) : null}
            <strong>
              {result.value.address}
              {result.value.port ? ` port ${result.value.port}` : ''}:
            </strong>{' '}
            {bindTestWords(result.value)}
          </p>
          <p className="hint">
            {result.value.anyAddress
              ? 'This is the any-address: listening on it means listening on all of this computer’s addresses at once.'
              : result.value.assignedLocally
                ? 'This address belongs to this computer (loopback, or assigned to one of its network interfaces).'
                : 'This computer does not hold this address right now; another node may, or it may arrive with a failover.'}
          </p>
          {fix ? (
            <button type="button" className="button small" onClick={fix.turnOn}>
              Turn {fix.label} on
            </button>
          ) : null}
          {stale ? (
            <button
              type="button"
              className="button small"
              onClick={() => void test(result.value.address, String(result.value.port || ''))}
            >
              Settings changed: test {result.value.address} again
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
