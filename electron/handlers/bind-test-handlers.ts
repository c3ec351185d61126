import { validateBindTarget } from '../system/bind-test';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { anything, object } from './payload-checks';
import type { FeatureHandlers } from './types';

// The address and port get their own specific words from validateBindTarget.
const checkBindRequest = object({ address: anything, port: anything });

/**
 * Runs in the unprivileged process: a bind test only listens on a socket and
 * closes it. The target decides how (the demo's simulated machine answers for it).
 */
export function createBindTestHandlers(deps: HandlerDeps): FeatureHandlers<'bind:test'> {
  return {
    'bind:test': handle('bind:test', checkBindRequest, async ({ address, port }) => {
      const check = validateBindTarget(address, port);
      if (!check.ok) return fail(check.error);
      const answer = await deps.target.bindTest([check.target]);
      if (!answer.ok) return answer;
      const [result] = answer.value;
      return result ? succeed(result) : fail({ code: 'internal-error', details: 'no result' });
    }),
  };
}
