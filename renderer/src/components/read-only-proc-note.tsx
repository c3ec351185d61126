import type { ReadOnlyProcSys } from '../../../electron/contract';
import { CommandBlocks } from './command-blocks';

/** On each card: the setting cannot be changed from here, found out before any click. */
export function ReadOnlyProcLine({
  id,
  readOnly,
}: {
  /** The card's switch is described by it: the reason it is off. */
  readonly id: string;
  readonly readOnly: ReadOnlyProcSys;
}) {
  return (
    <p id={id} className="note warning readonly-line" role="note" data-testid="readonly-proc-line">
      Cannot be changed from inside this container: {readOnly.mountPoint} is mounted read-only here.
      Change it where the container is started (below).
    </p>
  );
}

/** Below the cards: where the container's own value is set instead, one block per runtime. */
export function ReadOnlyProcNote({ readOnly }: { readonly readOnly: ReadOnlyProcSys | null }) {
  if (!readOnly) return null;
  return (
    <section
      className="note warning"
      aria-labelledby="readonly-proc-title"
      data-testid="readonly-proc"
    >
      <h2 id="readonly-proc-title" className="note-title">
        Set it where the container is started
      </h2>
      <p>
        A container’s network settings are fixed by its runtime when it starts, outside the
        container. Set them there, then restart the container; with the host’s network, change them
        on the host.
      </p>
      <details>
        <summary>Docker, Podman, Compose, Kubernetes, LXC</summary>
        <CommandBlocks blocks={readOnly.alternatives} />
      </details>
    </section>
  );
}
