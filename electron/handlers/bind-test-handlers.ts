import { simulateBindTest } from '../demo/simulated-bind-test';
import { runBindTest, validateBindTarget } from '../system/bind-test';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { anything, object } from './payload-checks';
import type { FeatureHandlers } from './types';

// The address and port get their own specific words from validateBindTarget.
const checkBindRequest = object({ address: anything, port: anything });

/**
 * Runs in the unprivileged process: a bind test only listens on a socket and
 * closes it. In demo mode the real network is left alone entirely.
 */
export function createBindTestHandlers(deps: HandlerDeps): FeatureHandlers<'bind:test'> {
  return {
    'bind:test': handle('bind:test', checkBindRequest, async ({ address, port }) => {
      const check = validateBindTarget(address, port);
      if (!check.ok) return fail(check.error);
      if (deps.target.ref.kind === 'demo')
        return succeed(await simulateBindTest(deps.target.ctx, check.target));
      return succeed(await runBindTest(check.target, deps.target.ownAddresses()));
    }),
  };
}
