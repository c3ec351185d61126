import { Trans } from '@lingui/react/macro';
import type { ReadOnlyProcSys } from '../../../electron/contract';
import { CommandBlocks } from './command-blocks';

/** Product names, the same in every language. */
const CONTAINER_RUNTIMES = 'Docker, Podman, Compose, Kubernetes, LXC';

/** On each card: the setting cannot be changed from here, found out before any click. */
export function ReadOnlyProcLine({
  id,
  readOnly,
}: {
  /** The card's switch is described by it: the reason it is off. */
  readonly id: string;
  readonly readOnly: ReadOnlyProcSys;
}) {
  const { mountPoint } = readOnly;
  return (
    <p id={id} className="note warning readonly-line" role="note" data-testid="readonly-proc-line">
      <Trans>
        Cannot be changed from inside this container: {mountPoint} is mounted read-only here. Change
        it where the container is started (below).
      </Trans>
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
        <Trans>Set it where the container is started</Trans>
      </h2>
      <p>
        <Trans>
          A container’s network settings are fixed by its runtime when it starts, outside the
          container. Set them there, then restart the container; with the host’s network, change
          them on the host.
        </Trans>
      </p>
      <details>
        <summary translate="no">{CONTAINER_RUNTIMES}</summary>
        <CommandBlocks blocks={readOnly.alternatives} />
      </details>
    </section>
  );
}
