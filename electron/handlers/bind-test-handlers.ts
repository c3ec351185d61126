import type { BindTestResult } from '../contract';
import { DEMO_OWN_ADDRESSES } from '../demo/scenarios';
import {
  describeNotLocal,
  describeWorks,
  isAnyAddress,
  isLocalAddress,
  runBindTest,
  validateBindTarget,
  type BindTarget,
} from '../system/bind-test';
import { readRuntimeValues } from '../system/runtime';
import type { HandlerDeps } from './deps';
import { fail, guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './types';

/**
 * The demo never touches this computer's network: whether the address is local follows
 * the same rule as the real test, over the simulated machine's addresses, and a foreign
 * address binds only when the simulated setting is on.
 */
async function simulateBindTest(deps: HandlerDeps, target: BindTarget): Promise<BindTestResult> {
  const settings = await readRuntimeValues(deps.ctx);
  const reading = settings.find((s) => s.family === target.family)?.runtime;
  const on = reading?.kind === 'value' && reading.value === 1;
  const local = isLocalAddress(target.address, DEMO_OWN_ADDRESSES);
  const base = {
    address: target.address,
    port: target.port,
    family: target.family,
    assignedLocally: local,
    anyAddress: isAnyAddress(target.address),
  };
  const simulated = ' (simulated in the demo)';
  return on || local
    ? { ...base, outcome: 'works', message: describeWorks(target, local) + simulated }
    : { ...base, outcome: 'not-local', message: describeNotLocal(target) + simulated };
}

/**
 * Runs in the unprivileged process: a bind test only listens on a socket and
 * closes it. In demo mode the real network is left alone entirely.
 */
export function createBindTestHandlers(deps: HandlerDeps): FeatureHandlers<'bind:test'> {
  return {
    'bind:test': (payload) =>
      guard(async () => {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          return invalidPayload('bind:test', 'the payload must be an object {address, port}');
        }
        const extra = Object.keys(payload).find((k) => k !== 'address' && k !== 'port');
        if (extra !== undefined)
          return invalidPayload('bind:test', `unexpected field "${extra.slice(0, 40)}"`);
        const { address, port } = payload as { address?: unknown; port?: unknown };
        const check = validateBindTarget(address, port);
        if (!check.ok) return fail({ code: 'invalid-address', message: check.message });
        if (deps.demo) return succeed(await simulateBindTest(deps, check.target));
        return succeed(await runBindTest(check.target));
      }),
  };
}
