import { useState } from 'react';
import type { ApiError, BindTestResult, VipDiscovery, VipEntry } from '../../../electron/contract';
import { useApi, useApiCall } from '../api-context';
import { errorWords } from '../error-words';
import { bindTestWords } from '../words/bind-test-words';
import { describeVipBudget, vipAdviceWords } from '../vip-words';

const keyOf = (e: VipEntry) => `${e.file}:${e.line}:${e.address}:${e.port ?? ''}`;

/** Addresses HAProxy, Keepalived and Nginx are configured for, and what each needs here. */
export function VipPanel() {
  const api = useApi();
  const { error, run } = useApiCall();
  const [found, setFound] = useState<VipDiscovery | null>(null);
  // Each address's test answers in its own row, error or not: they are not the panel's error.
  const [tests, setTests] = useState<Record<string, BindTestResult | ApiError>>({});

  const discover = async () => {
    const discovery = await run((a) => a.discoverVips());
    if (discovery) {
      setFound(discovery);
      setTests({});
    }
  };
  const test = async (entry: VipEntry) => {
    const answer = await api.testBind({ address: entry.address, port: entry.port ?? '' });
    setTests((t) => ({ ...t, [keyOf(entry)]: answer.ok ? answer.value : answer.error }));
  };

  return (
    <section className="panel" aria-labelledby="vip-title">
      <h2 id="vip-title">Virtual IPs in your load balancer configuration</h2>
      <p className="hint">
        Reads /etc/haproxy/haproxy.cfg, /etc/keepalived/keepalived.conf and /etc/nginx (following
        includes) without administrator rights.
      </p>
      <button type="button" className="button" onClick={() => void discover()}>
        {found ? 'Look again' : 'Find virtual IPs'}
      </button>
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {found ? (
        <>
          {found.exhausted ? (
            <div className="note warning" role="note" data-testid="vip-budget">
              <p>{describeVipBudget(found.exhausted)}</p>
            </div>
          ) : null}
          {found.entries.length === 0 ? <p>No addresses found.</p> : null}
          {found.entries.length > 0 ? (
            <table className="vip-table" data-testid="vip-table">
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Where</th>
                  <th scope="col">What it needs here</th>
                  <th scope="col">
                    <span className="visually-hidden">Bind test</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.entries.map((e) => {
                  const result = tests[keyOf(e)];
                  return (
                    <tr key={keyOf(e)}>
                      <td>
                        <code>
                          {e.family === 'IPv6' && !e.wildcard ? `[${e.address}]` : e.address}
                          {e.port !== null ? `:${e.port}` : ''}
                        </code>{' '}
                        <span className="hint">{e.family}</span>
                      </td>
                      <td>
                        {e.program},{' '}
                        <code>
                          {e.file}:{e.line}
                        </code>
                      </td>
                      <td>
                        {vipAdviceWords(e, null)}
                        {result ? (
                          <div className="vip-test-result" role="status">
                            {'code' in result ? errorWords(result) : bindTestWords(result)}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        {e.wildcard ? null : (
                          <button
                            type="button"
                            className="button small"
                            onClick={() => void test(e)}
                          >
                            Test {e.address}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          <ul className="vip-files">
            {found.files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>:{' '}
                {f.status === 'read'
                  ? 'read'
                  : f.status === 'missing'
                    ? 'not present'
                    : `could not be read (${f.detail})`}
              </li>
            ))}
          </ul>
          {found.skipped.length > 0 ? (
            <details>
              <summary>{found.skipped.length} line(s) skipped</summary>
              <ul>
                {found.skipped.map((s) => (
                  <li key={`${s.file}:${s.line}:${s.reason}`}>
                    <code>
                      {s.file}:{s.line}
                    </code>
                    : {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
