import type { BindTestResult } from '../contract';
import {
  describeNotLocal,
  describeWorks,
  isAnyAddress,
  isLocalAddress,
  type BindTarget,
} from '../system/bind-test';
import { readRuntimeValues } from '../system/runtime';
import type { SystemContext } from '../system/system-context';
import { DEMO_OWN_ADDRESSES } from './scenarios';

/**
 * The demo never touches this computer's network: whether the address is local follows
 * the same rule as the real test, over the simulated machine's addresses, and a foreign
 * address binds only when the simulated setting is on.
 */
export async function simulateBindTest(
  ctx: SystemContext,
  target: BindTarget,
): Promise<BindTestResult> {
  const settings = await readRuntimeValues(ctx);
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
