import { Fragment, useState } from 'react';
import type { AlikePlan, MakeAlikeResult, NodeChangePlan } from '../../../../electron/contract';
import { useApi, useApiCall } from '../../api-context';
import { FleetExport, savedWords, type FleetFormat } from '../fleet-export';
import { ShieldIcon } from '../shield-icon';
import { errorWords } from '../../error-words';
import { withoutName } from './node-words';
import { alikeChangeWords, settingWords } from '../../setting-words';

function authWords(node: NodeChangePlan): string {
  switch (node.authentication) {
    case 'polkit':
      return 'Asks for your password once (polkit).';
    case 'root':
      return 'Runs as administrator: no password is asked.';
    case 'sudo-password':
      return 'sudo on the node asks for a password:';
    case 'sudo-no-password':
      return 'sudo on the node needs no password.';
    default:
      return '';
  }
}

/** The per-machine plan for "Make all nodes like …", its passwords, exports and outcomes. */
export function MakeAlikePanel({
  plan,
  referenceName,
  onDone,
  onClose,
}: {
  readonly plan: AlikePlan;
  readonly referenceName: string;
  readonly onDone: (result: MakeAlikeResult) => void;
  readonly onClose: () => void;
}) {
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const { busy, error, run } = useApiCall();
  const toChange = plan.nodes.filter((n) => n.error === null && n.changes.length > 0);
  // A machine that cannot be planned is named with its reason and left out; the rest still apply.
  const leftOut = plan.nodes.filter((n) => n.error !== null);
  const missing = toChange.filter(
    (n) => n.authentication === 'sudo-password' && (passwords[n.id] ?? '') === '',
  );
  const apply = async () => {
    const result = await run((api) => api.makeAlike({ reference: plan.reference, passwords }));
    // Passwords are dropped as soon as the Apply returns, whatever happened.
    setPasswords({});
    if (result) onDone(result);
  };
  const api = useApi();
  const save = async (format: FleetFormat) =>
    plan.exports
      ? savedWords(await api.saveFleetExport({ format, ...plan.exports.change }))
      : 'There is nothing to export.';
  const word = (v: 0 | 1 | null) => (v === 1 ? 'on' : v === 0 ? 'off' : 'left as is');
  return (
    <section className="panel alike-panel" aria-labelledby="alike-title">
      <h2 id="alike-title">Make all nodes like {referenceName}</h2>
      <p>
        Target on every machine, now and at every boot:{' '}
        {Object.entries(plan.target).map(([id, value], i) => (
          <Fragment key={id}>
            {i > 0 ? ', ' : ''}
            {settingWords(id).label} <strong>{word(value)}</strong>
          </Fragment>
        ))}
        .
      </p>
      <ul className="alike-nodes">
        {plan.nodes.map((n) => (
          <li key={n.id}>
            <strong>{n.name}</strong>
            {n.error ? (
              <p className="inline-error">
                <strong>Left out of this Apply:</strong> {withoutName(errorWords(n.error), n.name)}
              </p>
            ) : n.changes.length === 0 ? (
              <p>Already alike: nothing to change.</p>
            ) : (
              <>
                <ul>
                  {n.changes.map(alikeChangeWords).map((words) => (
                    <li key={words}>{words}</li>
                  ))}
                </ul>
                <p className="hint">{authWords(n)}</p>
                {n.authentication === 'sudo-password' ? (
                  <label className="password-field">
                    sudo password for {n.name}
                    <input
                      type="password"
                      autoComplete="off"
                      value={passwords[n.id] ?? ''}
                      disabled={busy}
                      onChange={(event) =>
                        setPasswords((p) => ({ ...p, [n.id]: event.target.value }))
                      }
                    />
                  </label>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={busy || toChange.length === 0 || missing.length > 0}
          onClick={() => void apply()}
        >
          <ShieldIcon />{' '}
          {busy
            ? 'Applying…'
            : `Apply to ${toChange.length} ${toChange.length === 1 ? 'machine' : 'machines'}`}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
      {leftOut.length > 0 ? (
        <p className="hint">
          Not changed by this Apply: {leftOut.map((n) => n.name).join(', ')} (why is said above).
          {toChange.length > 0 ? ' The other machines are still applied.' : ''}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <p className="hint">Type the sudo password for {missing.map((n) => n.name).join(', ')}.</p>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {plan.exports ? (
        <details className="disclosure">
          <summary>For a fleet: Ansible or cloud-init</summary>
          <p className="hint">
            Each writes the values into /etc/sysctl.d/{plan.exports.change.fileName} and loads it at
            once, as the app&apos;s own Apply does.
          </p>
          <FleetExport blocks={plan.exports.blocks} onSave={save} />
        </details>
      ) : null}
    </section>
  );
}
