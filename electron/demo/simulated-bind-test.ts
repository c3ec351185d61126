import type { BindTestResult } from '../contract';
import { bindResultBase, isLocalAddress, type BindTarget } from '../system/bind-test';
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
  own: readonly string[] = DEMO_OWN_ADDRESSES,
): Promise<BindTestResult> {
  const settings = await readRuntimeValues(ctx);
  // The one interpretation of the running value (runtime.ts effectiveValue).
  const on = settings.find((s) => s.family === target.family)?.effective === 1;
  const local = isLocalAddress(target.address, own);
  const base = { ...bindResultBase(target, local), via: 'simulated' as const };
  return { ...base, outcome: on || local ? 'works' : 'not-local' };
}
