import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { ApiError, BindTestResult, VipDiscovery, VipEntry } from '../../../electron/contract';
import { useApi, useApiCall } from '../api-context';
import { errorWords } from '../error-words';
import { bindTestWords } from '../words/bind-test-words';
import { describeVipBudget, vipAdviceWords } from '../vip-words';

const keyOf = (e: VipEntry) => `${e.file}:${e.line}:${e.address}:${e.port ?? ''}`;

/** The files read, as paths: placeholders in the hint, never translated. */
const haproxyCfg = '/etc/haproxy/haproxy.cfg';
const keepalivedConf = '/etc/keepalived/keepalived.conf';
const nginxDir = '/etc/nginx';

/** "/etc/haproxy/haproxy.cfg: read", one whole line per state. */
function FileStatus({ file }: { readonly file: VipDiscovery['files'][number] }) {
  const { path, detail } = file;
  if (file.status === 'read')
    return (
      <Trans comment="a configuration file and what reading it found">
        <code>{path}</code>: read
      </Trans>
    );
  if (file.status === 'missing')
    return (
      <Trans comment="a configuration file and what reading it found">
        <code>{path}</code>: not present
      </Trans>
    );
  return (
    <Trans comment="a configuration file and what reading it found; detail: why">
      <code>{path}</code>: could not be read ({detail})
    </Trans>
  );
}

/** Addresses HAProxy, Keepalived and Nginx are configured for, and what each needs here. */
export function VipPanel() {
  const api = useApi();
  const { t } = useLingui();
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

  const skippedCount = found?.skipped.length ?? 0;
  return (
    <section className="panel" aria-labelledby="vip-title">
      <h2 id="vip-title">
        <Trans>Virtual IPs in your load balancer configuration</Trans>
      </h2>
      <p className="hint">
        <Trans>
          Reads {haproxyCfg}, {keepalivedConf} and {nginxDir} (following includes) without
          administrator rights.
        </Trans>
      </p>
      <button type="button" className="button" onClick={() => void discover()}>
        {found ? t`Look again` : t`Find virtual IPs`}
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
          {found.entries.length === 0 ? (
            <p>
              <Trans>No addresses found.</Trans>
            </p>
          ) : null}
          {found.entries.length > 0 ? (
            <table className="vip-table" data-testid="vip-table">
              <thead>
                <tr>
                  <th scope="col">
                    <Trans comment="table column: a virtual IP address">Address</Trans>
                  </th>
                  <th scope="col">
                    <Trans comment="table column: the program and file that name the address">
                      Where
                    </Trans>
                  </th>
                  <th scope="col">
                    <Trans>What it needs here</Trans>
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">
                      <Trans comment="table column: a button that tests the address">
                        Bind test
                      </Trans>
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.entries.map((e) => {
                  const result = tests[keyOf(e)];
                  const { address } = e;
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
                            <Trans comment="button: run a bind test on this address">
                              Test {address}
                            </Trans>
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
                <FileStatus file={f} />
              </li>
            ))}
          </ul>
          {found.skipped.length > 0 ? (
            <details>
              <summary>
                <Plural value={skippedCount} one="# line skipped" other="# lines skipped" />
              </summary>
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
