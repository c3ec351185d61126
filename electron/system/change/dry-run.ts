import type { ApplyRequest, ChangePlan, Persistence } from '../../contract';
import { findBootConflicts } from '../boot-conflicts';
import { planApply } from './plan';
import { buildEquivalentCommands } from '../equivalent-commands';
import { fleetBlocksFor } from '../nodes/fleet-export';
import type { StepPlan } from '../privileged-step';
import { SYSCTL_D } from '../sysctl-d-files';
import { SYSCTL_CONF } from '../sysctl-sources';
import type { Target } from '../target/target';

function describeFile(persistence: Persistence, planned: StepPlan): ChangePlan['file'] {
  if (persistence.kind === 'runtime') return null;
  const path =
    persistence.kind === 'persist-sysctl-conf' || persistence.kind === 'unpersist-sysctl-conf'
      ? SYSCTL_CONF
      : `${SYSCTL_D}/${persistence.fileName}`;
  const op = planned.file.op;
  if (op === 'delete') return { path, action: 'delete' };
  if (op === 'none') return { path, action: 'unchanged' };
  return { path, action: planned.file.expectedSha256 === null ? 'create' : 'edit' };
}

/**
 * Dry run of an Apply: why it cannot be done, or the file change, the boot conflicts
 * and the equivalent commands. Nothing is written.
 */
export async function planChange(target: Target, request: ApplyRequest): Promise<ChangePlan> {
  const read = await target.read();
  if (!read.ok) return { error: read.error, commands: [], fleet: [], file: null, conflicts: [] };
  const { sysctl: snapshot, catalogue } = read.snapshot;
  const result = planApply(snapshot, request, catalogue);
  if (!result.ok)
    return { error: result.error, commands: [], fleet: [], file: null, conflicts: [] };
  const planned = result.plan;
  const file = describeFile(request.persistence, planned);
  const unchanged = file?.action === 'unchanged' ? file.path : null;
  return {
    error: null,
    commands: buildEquivalentCommands(planned, catalogue),
    fleet: fleetBlocksFor(request, target.catalogue),
    file,
    conflicts: findBootConflicts(snapshot, planned, unchanged, catalogue),
  };
}
