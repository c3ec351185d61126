import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type {
  LoadBalancerInNamespace,
  NamespaceEntry,
  NamespaceReading,
} from '../../../../electron/contract';
import { settingWords } from '../../setting-words';
import {
  configProblemWords,
  findingWords,
  insideValueWords,
  lastingWords,
  readProblemWords,
  vipsWords,
} from '../../words/namespace-inside-words';
import { loadBalancerWords, valueNotReadWords } from '../../words/namespace-words';

/** One load balancer: its processes, and what its own configuration binds there. */
function LoadBalancer({ lb }: { readonly lb: LoadBalancerInNamespace }) {
  return (
    <li>
      {loadBalancerWords(lb)}
      {/* No addresses because nothing was read says nothing: the problem says why. */}
      {lb.vips && (lb.vips.length > 0 || !lb.configProblem) ? ` — ${vipsWords(lb.vips)}` : ''}
      {lb.configProblem ? (
        <span className="hint">
          {' '}
          {configProblemWords(
            lb.configProblem.code,
            lb.configProblem.file,
            lb.configProblem.reason,
          )}
        </span>
      ) : null}
    </li>
  );
}

export function LoadBalancers({ ns }: { readonly ns: NamespaceEntry }) {
  const { t } = useLingui();
  const count = ns.loadBalancers.length;
  if (count === 0) return null;
  return (
    <div data-testid="namespace-load-balancers">
      <p>{t`${plural(count, { one: 'Load balancer:', other: 'Load balancers:' })}`}</p>
      <ul className="namespace-values">
        {ns.loadBalancers.map((lb) => (
          <LoadBalancer key={lb.program} lb={lb} />
        ))}
      </ul>
    </div>
  );
}

/** Its values as last read inside it, or why there are none yet; then whether they last. */
export function InsideValues({
  ns,
  reading,
}: {
  readonly ns: NamespaceEntry;
  readonly reading: NamespaceReading | undefined;
}) {
  return (
    <>
      {reading === undefined ? (
        <p className="note not-read" role="note">
          {valueNotReadWords()}
        </p>
      ) : reading.ok ? (
        <ul className="namespace-values" data-testid="namespace-inside-values">
          {Object.entries(reading.values).map(([id, value]) => (
            <li key={id}>
              <InsideValue setting={settingWords(id).label} value={insideValueWords(value)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="note warning" role="note">
          {readProblemWords(reading.problem)}
        </p>
      )}
      {ns.lasting ? (
        <p data-testid="namespace-lasting">{lastingWords(ns.lasting, ns.kind)}</p>
      ) : null}
    </>
  );
}

/** What will fail to start there: a warning once read off, a question before. */
export function Findings({ ns }: { readonly ns: NamespaceEntry }) {
  const findings = ns.findings ?? [];
  if (findings.length === 0) return null;
  const off = findings.some((f) => f.value === 'off');
  return (
    <div className={`note ${off ? 'warning' : 'not-read'}`} data-testid="namespace-findings">
      {findings.map((f) => (
        <p key={`${f.program} ${f.address} ${f.setting}`}>{findingWords(f)}</p>
      ))}
    </div>
  );
}

/** "IPv4 non-local bind (read inside now): **on**". */
function InsideValue({ setting, value }: { readonly setting: string; readonly value: string }) {
  return (
    <Trans comment="a setting and its value as read inside another namespace">
      {setting} (read inside now): <strong>{value}</strong>
    </Trans>
  );
}
