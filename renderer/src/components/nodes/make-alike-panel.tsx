import { Fragment, useState } from 'react';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { AlikePlan, MakeAlikeResult, NodeChangePlan } from '../../../../electron/contract';
import { useApi, useApiCall } from '../../api-context';
import { FleetExport, savedWords, type FleetFormat } from '../fleet-export';
import { ShieldIcon } from '../shield-icon';
import { errorWords } from '../../error-words';
import { formatList } from '../../i18n/format';
import { withoutName } from './node-words';
import { alikeChangeWords, settingWords } from '../../setting-words';

// Program names in the texts: placeholders, never translated.
const polkit = 'polkit';
const sudo = 'sudo';
const ansible = 'Ansible';
const cloudInit = 'cloud-init';

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
  const { t } = useLingui();
  /** How the machine's Apply authenticates, said under its changes. */
  const authWords = (node: NodeChangePlan): string => {
    switch (node.authentication) {
      case 'polkit':
        return t`Asks for your password once (${polkit}).`;
      case 'root':
        return t`Runs as administrator: no password is asked.`;
      case 'sudo-password':
        return t`${sudo} on the node asks for a password:`;
      case 'sudo-no-password':
        return t`${sudo} on the node needs no password.`;
      default:
        return '';
    }
  };
  /** The target value of one setting, in bold after its name. */
  const targetWord = (v: 0 | 1 | null): string => {
    if (v === 1) return t({ message: 'on', comment: 'target state of a kernel setting' });
    if (v === 0) return t({ message: 'off', comment: 'target state of a kernel setting' });
    return t({ message: 'left as is', comment: 'a kernel setting the Apply does not change' });
  };
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
      : t`There is nothing to export.`;
  const machineCount = toChange.length;
  // Names only, no "and": a plain list as before, in the language's own separators.
  const names = (nodes: readonly NodeChangePlan[]) =>
    formatList(
      nodes.map((n) => n.name),
      { type: 'unit', style: 'short' },
    );
  const leftOutNames = names(leftOut);
  const missingNames = names(missing);
  const fileInSysctlD = `/etc/sysctl.d/${plan.exports?.change.fileName ?? ''}`;
  const targets = Object.entries(plan.target).map(([id, value], i) => {
    const setting = settingWords(id).label;
    const state = targetWord(value);
    return (
      <Fragment key={id}>
        {i > 0 ? ', ' : ''}
        <Trans comment="one setting and its target value, in a list">
          {setting} <strong>{state}</strong>
        </Trans>
      </Fragment>
    );
  });
  return (
    <section className="panel alike-panel" aria-labelledby="alike-title">
      <h2 id="alike-title">
        <Trans>Make all nodes like {referenceName}</Trans>
      </h2>
      <p>
        <Trans>Target on every machine, now and at every boot: {targets}.</Trans>
      </p>
      <ul className="alike-nodes">
        {plan.nodes.map((n) => (
          <li key={n.id}>
            <strong>{n.name}</strong>
            {n.error ? (
              <p className="inline-error">
                <LeftOut reason={withoutName(errorWords(n.error), n.name)} />
              </p>
            ) : n.changes.length === 0 ? (
              <p>
                <Trans>Already alike: nothing to change.</Trans>
              </p>
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
                    <SudoPasswordLabel node={n.name} />
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
            ? t`Applying…`
            : t`${plural(machineCount, { one: 'Apply to # machine', other: 'Apply to # machines' })}`}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          <Trans>Cancel</Trans>
        </button>
      </div>
      {leftOut.length > 0 ? (
        <p className="hint">
          {t`Not changed by this Apply: ${leftOutNames} (why is said above).`}
          {toChange.length > 0 ? ` ${t`The other machines are still applied.`}` : ''}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <p className="hint">{t`Type the ${sudo} password for ${missingNames}.`}</p>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
        </p>
      ) : null}
      {plan.exports ? (
        <details className="disclosure">
          <summary>{t`For a fleet: ${ansible} or ${cloudInit}`}</summary>
          <p className="hint">
            {t`Each writes the values into ${fileInSysctlD} and loads it at once, as the app's own Apply does.`}
          </p>
          <FleetExport blocks={plan.exports.blocks} onSave={save} />
        </details>
      ) : null}
    </section>
  );
}

/** Why a machine is not part of this Apply, after a bold lead-in. */
function LeftOut({ reason }: { readonly reason: string }) {
  return (
    <Trans>
      <strong>Left out of this Apply:</strong> {reason}
    </Trans>
  );
}

/** The label of a node's sudo password field. */
function SudoPasswordLabel({ node }: { readonly node: string }) {
  return (
    <Trans>
      {sudo} password for {node}
    </Trans>
  );
}
