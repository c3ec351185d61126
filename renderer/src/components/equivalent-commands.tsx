import { Trans, useLingui } from '@lingui/react/macro';
import type { ApplyRequest, ChangePlan } from '../../../electron/contract';
import { useApi } from '../api-context';
import { CommandBlocks } from './command-blocks';
import { FleetExport, savedWords, type FleetFormat } from './fleet-export';

/** The commands that do by hand what Apply does, and the change for more machines. */
export function EquivalentCommands({
  request,
  plan,
  open,
  onToggle,
}: {
  readonly request: ApplyRequest | null;
  readonly plan: ChangePlan | null;
  /** Kept by the bar: it stays open from one pending change to the next. */
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
}) {
  const api = useApi();
  const { t } = useLingui();
  // Saves the pending change as Ansible tasks or cloud-init; resolves to words for the result.
  const saveFleet = async (format: FleetFormat) => {
    if (request?.persistence.kind !== 'persist')
      return t`Only a change kept in a file can be exported.`;
    const { fileName } = request.persistence;
    return savedWords(await api.saveFleetExport({ format, fileName, values: request.values }));
  };
  return (
    <details className="commands" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <Trans>Equivalent commands</Trans>
      </summary>
      {plan && plan.commands.length > 0 ? (
        <CommandBlocks blocks={plan.commands} />
      ) : (
        <p className="hint">{plan || !request ? t`No command needed.` : t`Working them out…`}</p>
      )}
      {plan && plan.fleet.length > 0 ? (
        <>
          <h3 className="fleet-title">
            <Trans>For a fleet: Ansible or cloud-init</Trans>
          </h3>
          <FleetExport blocks={plan.fleet} onSave={saveFleet} />
        </>
      ) : null}
    </details>
  );
}
