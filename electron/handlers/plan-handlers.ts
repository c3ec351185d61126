import type { ChangePlan } from '../contract';
import { isPlan, planApply } from '../system/apply';
import { buildEquivalentCommands } from '../system/equivalent-commands';
import { SYSCTL_D } from '../system/sysctl-d-files';
import type { HandlerDeps } from './deps';
import { guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './handler-table';
import { validateApplyRequest } from './validate-apply-request';

/** Dry run of an Apply: validation in words, the file change, and the equivalent commands. */
export function createPlanHandlers(deps: HandlerDeps): FeatureHandlers<'changes:plan'> {
  return {
    'changes:plan': (payload) =>
      guard(async () => {
        const checked = validateApplyRequest(payload);
        if (!checked.ok) return invalidPayload('changes:plan', checked.problem);
        const planned = await planApply(deps.ctx, checked.value);
        if (!isPlan(planned))
          return succeed<ChangePlan>({ error: planned, commands: [], file: null });
        const persistence = checked.value.persistence;
        const file =
          persistence.kind === 'runtime'
            ? null
            : {
                path: `${SYSCTL_D}/${persistence.fileName}`,
                action:
                  planned.file.op === 'delete'
                    ? ('delete' as const)
                    : planned.file.op === 'none'
                      ? ('unchanged' as const)
                      : planned.file.expectedSha256 === null
                        ? ('create' as const)
                        : ('edit' as const),
              };
        return succeed<ChangePlan>({
          error: null,
          commands: buildEquivalentCommands(planned),
          file,
        });
      }),
  };
}
