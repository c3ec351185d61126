import { planChange } from '../system/change/dry-run';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import type { FeatureHandlers } from './types';
import { applyRequestCheck } from './validate-apply-request';

/** Dry run of an Apply, checked exactly like the Apply itself. */
export function createPlanHandlers(deps: HandlerDeps): FeatureHandlers<'changes:plan'> {
  return {
    'changes:plan': handle(
      'changes:plan',
      applyRequestCheck(deps.target.catalogue),
      async (request) => succeed(await planChange(deps.target, request)),
    ),
  };
}
