import { Trans } from '@lingui/react/macro';
import type { ReadOnlyProcSys } from '../../../electron/contract';
import { CommandBlocks } from './command-blocks';

/** Product names, the same in every language. */
const CONTAINER_RUNTIMES = 'Docker, Podman, Compose, Kubernetes, LXC';

/**
 * Below the cards: where the container's own value is set instead, one block per runtime.
 * A chunk of its own (app.tsx loads it lazily): only a container shows it, and the words of
 * its commands need not load before the first paint.
 */
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
