import type { ChangePlan, Persistence } from '../contract';
import { isPlan, planApply } from '../system/apply';
import { findBootConflicts } from '../system/boot-conflicts';
import { buildEquivalentCommands } from '../system/equivalent-commands';
import { fleetBlocksFor } from '../system/nodes/fleet-export';
import type { StepPlan } from '../system/privileged-step';
import { SYSCTL_D } from '../system/sysctl-d-files';
import { readSysctlSources, SYSCTL_CONF } from '../system/sysctl-sources';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import type { FeatureHandlers } from './types';
import { validateApplyRequest } from './validate-apply-request';

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

/** Dry run of an Apply: validation in words, the file change, boot conflicts, and the equivalent commands. */
export function createPlanHandlers(deps: HandlerDeps): FeatureHandlers<'changes:plan'> {
  return {
    'changes:plan': handle('changes:plan', validateApplyRequest, async (request) => {
      const planned = await planApply(deps.ctx, request);
      if (!isPlan(planned)) {
        return succeed<ChangePlan>({
          error: planned,
          commands: [],
          fleet: [],
          file: null,
          conflicts: [],
        });
      }
      const file = describeFile(request.persistence, planned);
      const unchanged = file?.action === 'unchanged' ? file.path : null;
      return succeed<ChangePlan>({
        error: null,
        commands: buildEquivalentCommands(planned),
        fleet: fleetBlocksFor(request),
        file,
        conflicts: findBootConflicts(await readSysctlSources(deps.ctx), planned, unchanged),
      });
    }),
  };
}
