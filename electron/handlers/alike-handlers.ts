import { makeAllAlike } from '../system/pair/apply-alike';
import { planAllAlike } from '../system/pair/make-alike';
import type { HandlerDeps } from './deps';
import { fail } from './envelope';
import { handleNodes } from './node-access';
import { object, recordOf, string } from './payload-checks';
import type { FeatureHandlers } from './types';

const reference = string({ maxLength: 4096 });
const checkPlan = object({ reference });
/** Sudo passwords by node id; never stored, zeroed once the Apply ends. */
const checkMake = object({
  reference,
  passwords: recordOf(string({ maxLength: 1024 }), 4096),
});

/** "Make all nodes like …": the plan, and the run that is allowed one at a time. */
export function createAlikeHandlers(
  deps: HandlerDeps,
): FeatureHandlers<'nodes:plan-alike' | 'nodes:make-alike'> {
  let applying = false;
  return {
    'nodes:plan-alike': handleNodes(deps, 'nodes:plan-alike', checkPlan, (s, request) =>
      planAllAlike(s, request.reference),
    ),
    'nodes:make-alike': handleNodes(deps, 'nodes:make-alike', checkMake, async (s, request) => {
      if (applying)
        return fail({
          code: 'apply-in-progress',
          data: { from: 'busy', code: 'apply-in-progress', what: 'make-alike' },
        });
      applying = true;
      try {
        return await makeAllAlike(s, request.reference, request.passwords);
      } finally {
        applying = false;
      }
    }),
  };
}
