import { useLingui } from '@lingui/react/macro';
import type { AppState, ApplyRequest } from '../../../electron/contract';
import { ForeignFileNote } from './foreign-file-note';

/** Warns before a switch change is written into a file someone else wrote, as removal does. */
export function PersistTargetNote({
  system,
  request,
}: {
  system: AppState;
  request: ApplyRequest | null;
}) {
  const { t } = useLingui();
  if (request?.persistence.kind !== 'persist') return null;
  const name = request.persistence.fileName;
  const file = system.persistence.files.find((f) => f.name === name);
  if (!file || file.kind !== 'file' || file.writtenByApp) return null;
  return (
    <ForeignFileNote
      path={`${system.persistence.directory}/${name}`}
      change={t`Only the lines for these settings change; everything else in it stays.`}
    />
  );
}
