import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import type { ApiError, CommandBlock } from '../../../electron/contract';
import { errorWords } from '../error-words';
import { CommandBlocks } from './command-blocks';

export type FleetFormat = 'ansible' | 'cloud-init';

/** The pending change for more machines: copy it, or save it through the app's save dialog. */
export function FleetExport({
  blocks,
  onSave,
}: {
  readonly blocks: readonly CommandBlock[];
  readonly onSave: (format: FleetFormat) => Promise<string>;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (format: FleetFormat) => setSaved(await onSave(format));
  return (
    <>
      <CommandBlocks blocks={blocks} />
      <div className="actions">
        <button type="button" className="button small" onClick={() => void save('ansible')}>
          <Trans>Save Ansible tasks…</Trans>
        </button>
        <button type="button" className="button small" onClick={() => void save('cloud-init')}>
          <Trans>Save cloud-init…</Trans>
        </button>
      </div>
      {saved ? <p role="status">{saved}</p> : null}
    </>
  );
}

/** Words for what a save answered (called once the save dialog has answered). */
export function savedWords(
  answer: { ok: true; value: { savedTo: string | null } } | { ok: false; error: ApiError },
): string {
  if (!answer.ok) return errorWords(answer.error);
  const path = answer.value.savedTo;
  return path ? t`Saved to ${path}.` : t`Not saved.`;
}
