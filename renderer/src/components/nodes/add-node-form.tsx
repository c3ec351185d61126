import { useState } from 'react';
import type { PairView } from '../../../../electron/contract';
import { errorWords } from '../../error-words';
import { useApiCall } from '../../api-context';

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
          SSH destination
          <input
            type="text"
            value={destination}
            spellCheck={false}
            autoCapitalize="off"
            placeholder="lb-2 or admin@10.0.0.12:22"
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
          {busy && confirm === null ? 'Connecting…' : 'Add node'}
        </button>
      </form>
      <p id="add-node-hint" className="hint">
        An alias from ~/.ssh/config or user@host[:port]. The app uses your own ssh: your config,
        agent, keys and known_hosts apply. It never asks for SSH passwords.
      </p>
      {demoNode ? (
        <p className="hint" data-testid="demo-node-hint">
          Demo: the simulated second node is <code>{demoNode}</code>. Its sudo takes any password.
        </p>
      ) : null}
      {confirm ? (
        <div className="host-key" role="alertdialog" aria-labelledby="host-key-title">
          <h3 id="host-key-title">Do you trust {confirm.destination}?</h3>
          <p>
            This computer has never connected to it. Compare the fingerprint below with the one the
            node itself shows (<code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on its
            console). Accept only if they match.
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
              {busy ? 'Connecting…' : 'Trust this key and add'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirm(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {/* "Not available" is the page's one note, not a second, red copy of it here. */}
      {error && error.code !== 'nodes-unavailable' ? (
        <p className="inline-error" role="alert">
          {errorWords(error)}
          {error.data?.from === 'node' ? ' The node was not added.' : null}
        </p>
      ) : null}
    </div>
  );
}
