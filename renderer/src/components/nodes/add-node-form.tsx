import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import type { PairView } from '../../../../electron/contract';
import { errorWords } from '../../error-words';
import { useApiCall } from '../../api-context';

// Examples, files and commands the texts show as typed: placeholders, never translated.
const aliasExample = 'lb-2';
const addressExample = 'admin@10.0.0.12:22';
const sshConfig = '~/.ssh/config';
const destinationForm = 'user@host[:port]';
const ssh = 'ssh';
const knownHosts = 'known_hosts';
const hostKeyCommand = 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub';

interface Confirm {
  readonly destination: string;
  readonly fingerprints: readonly string[];
}

/**
 * Adds a node by SSH destination; an unknown host key is shown and must be accepted first.
 * `demoNode`: the demo's simulated node, named so a newcomer knows what to type.
 */
export function AddNodeForm({
  onAdded,
  demoNode,
}: {
  readonly onAdded: (view: PairView) => void;
  readonly demoNode: string | null;
}) {
  const { t } = useLingui();
  const [destination, setDestination] = useState('');
  const { busy, error, run } = useApiCall();
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  const add = async (trustFingerprints?: readonly string[]) => {
    const added = await run((api) =>
      api.addNode({
        destination: confirm?.destination ?? destination.trim(),
        ...(trustFingerprints ? { trustFingerprints } : {}),
      }),
    );
    if (added === null) {
      setConfirm(null);
      return;
    }
    if (added.kind === 'confirm-host-key') {
      setConfirm({ destination: added.destination, fingerprints: added.fingerprints });
      return;
    }
    setConfirm(null);
    setDestination('');
    onAdded(added.view);
  };

  // The host asked about, named in the dialog's question (only shown while `confirm` is set).
  const destinationToTrust = confirm?.destination ?? '';
  const connecting = t`Connecting…`;
  const placeholder = t({
    message: `${aliasExample} or ${addressExample}`,
    comment: 'example SSH destinations in the empty field: an alias, or user@address:port',
  });
  return (
    <div className="add-node">
      <form
        className="bind-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && destination.trim() !== '') void add();
        }}
      >
        <label>
          <Trans>SSH destination</Trans>
          <input
            type="text"
            value={destination}
            spellCheck={false}
            autoCapitalize="off"
            placeholder={placeholder}
            // As wide as the examples in this language (the field's font is monospace), so
            // a longer "or" does not cut the address off; the stylesheet keeps it in the card.
            size={placeholder.length}
            aria-describedby="add-node-hint"
            disabled={busy || confirm !== null}
            onChange={(event) => setDestination(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button"
          disabled={busy || confirm !== null || destination.trim() === ''}
        >
          {busy && confirm === null ? connecting : t`Add node`}
        </button>
      </form>
      <p id="add-node-hint" className="hint">
        <Trans>
          An alias from {sshConfig} or {destinationForm}. The app uses your own {ssh}: your config,
          agent, keys and {knownHosts} apply. It never asks for SSH passwords.
        </Trans>
      </p>
      {demoNode ? (
        <p className="hint" data-testid="demo-node-hint">
          <Trans>
            Demo: the simulated second node is <code>{demoNode}</code>. Its sudo takes any password.
          </Trans>
        </p>
      ) : null}
      {confirm ? (
        <div className="host-key" role="alertdialog" aria-labelledby="host-key-title">
          <h3 id="host-key-title">{t`Do you trust ${destinationToTrust}?`}</h3>
          <p>
            <Trans>
              This computer has never connected to it. Compare the fingerprint below with the one
              the node itself shows (<code>{hostKeyCommand}</code> on its console). Accept only if
              they match.
            </Trans>
          </p>
          <ul className="fingerprints">
            {confirm.fingerprints.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void add(confirm.fingerprints)}
            >
              {busy ? connecting : t`Trust this key and add`}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirm(null)}
            >
              <Trans>Cancel</Trans>
            </button>
          </div>
        </div>
      ) : null}
      {/* "Not available" is the page's one note, not a second, red copy of it here. */}
      {error && error.code !== 'nodes-unavailable' ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
          {error.data?.from === 'node' ? ` ${t`The node was not added.`}` : null}
        </p>
      ) : null}
    </div>
  );
}
