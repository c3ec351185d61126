import type { BindTestResult, RuntimeValue, SettingId, SettingValues } from '../contract';
import { bindResultBase, isLocalAddress, type BindTarget } from '../system/bind-test';
import type {
  bindTestInsideNamespace,
  readInsideNamespaces,
  setInsideNamespace,
} from '../system/netns/namespace-step';
import type { NamespaceReading, NamespaceRef } from '../system/netns/namespace-step-types';
import type { Catalogue } from '../system/settings';
import { DEMO_INSIDE } from './demo-namespaces';

/**
 * Reading, changing and binding inside other network namespaces: on this computer through
 * the step (handlers/namespace-inside.ts), in the demo simulated here. Declared beside the
 * simulation because the demo may not import handlers; the handlers take either.
 */
export interface InsideNamespaces {
  read(refs: readonly NamespaceRef[]): ReturnType<typeof readInsideNamespaces>;
  set(ref: NamespaceRef, values: SettingValues): ReturnType<typeof setInsideNamespace>;
  bindTest(
    ref: NamespaceRef,
    targets: readonly BindTarget[],
  ): ReturnType<typeof bindTestInsideNamespace>;
}

/** A step run's usual time here, so the demo's figures look like a real run's. */
const SIMULATED_RUN_MS = 38;

/**
 * The demo's inside of its simulated namespaces: no step runs and no real namespace is
 * entered. Each backend keeps its own copy of the values, so "turn it on" reads back 1
 * until the demo restarts, as a real namespace keeps it until its container restarts.
 */
export function createSimulatedInside(catalogue: Catalogue): InsideNamespaces {
  // Values changed in this session, by inode; the scenario's start values otherwise.
  const changed = new Map<number, Record<SettingId, RuntimeValue>>();
  const valueOf = (inode: number, id: SettingId): RuntimeValue =>
    changed.get(inode)?.[id] ?? DEMO_INSIDE.get(inode)?.values[id] ?? 0;
  const reading = (inode: number): NamespaceReading => ({
    inode,
    ok: true,
    values: Object.fromEntries(
      catalogue.map((s) => [s.id, { kind: 'value', value: valueOf(inode, s.id) }] as const),
    ),
  });
  return {
    read: (refs) =>
      Promise.resolve({
        ok: true,
        readings: refs.map((r) => reading(r.inode)),
        elapsedMs: SIMULATED_RUN_MS,
      }),
    set: (ref, values) => {
      changed.set(ref.inode, { ...changed.get(ref.inode), ...values });
      return Promise.resolve({ ok: true, reading: reading(ref.inode) });
    },
    bindTest: (ref, targets) => {
      const addresses = DEMO_INSIDE.get(ref.inode)?.addresses ?? [];
      const results = targets.map((target): BindTestResult => {
        const setting = catalogue.find((s) => s.family === target.family);
        const on = setting !== undefined && valueOf(ref.inode, setting.id) === 1;
        const local = isLocalAddress(target.address, addresses);
        const base = { ...bindResultBase(target, local), via: 'simulated' as const };
        return { ...base, outcome: on || local ? 'works' : 'not-local' };
      });
      return Promise.resolve({ ok: true, value: results });
    },
  };
}
