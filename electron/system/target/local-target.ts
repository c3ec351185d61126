import os from 'node:os';
import type { PasswordPrompt, RuntimeReading, SettingId } from '../../contract';
import { isApplyLockHeld } from '../apply-lock';
import { simulateBindTest } from '../../demo/simulated-bind-test';
import { interfaceAddresses, runBindTest } from '../bind-test';
import type { Elevator } from '../elevator';
import { createPolkitAgentFinder, findExecutable } from '../environment-facts';
import { readRuntimeValue } from '../runtime';
import { SETTINGS, type Catalogue } from '../settings';
import { readInterruptedApply } from '../step-recovery';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import { readSysctlSources } from '../sysctl-sources';
import type { SystemContext } from '../system-context';
import type { ApplyFacts, Authentication, Target, TargetRef, TargetSnapshot } from './target';

/** A local read always has this computer's own Apply facts, and cannot fail (problems are in it). */
export type LocalSnapshot = TargetSnapshot & { readonly applyFacts: ApplyFacts };

/** This computer or the demo: files below a root, and the step run by an elevator. */
export interface LocalTarget extends Target {
  readonly ref: Exclude<TargetRef, { kind: 'node' }>;
  /** Where the files are: `/`, or the demo's temporary root. */
  readonly ctx: SystemContext;
  readLocal(): Promise<LocalSnapshot>;
  /** The addresses it holds: this computer's interfaces, or the demo's simulated ones. */
  ownAddresses(): readonly string[];
}

/**
 * Every running value and every sysctl source below the root, in the snapshot form a
 * node's read script yields, so one boot model and one planner serve both. The sources
 * are read on the reader thread (sysctl-sources.ts), never on the UI's event loop.
 */
export async function readLocalSnapshot(
  ctx: SystemContext,
  catalogue: Catalogue = SETTINGS,
): Promise<SysctlSnapshot> {
  const [readings, sources] = await Promise.all([
    Promise.all(catalogue.map(async (s) => [s.id, await readRuntimeValue(ctx, s)] as const)),
    readSysctlSources(ctx),
  ]);
  const runtime = Object.fromEntries(readings) as Record<SettingId, RuntimeReading>;
  return { kernel: ctx.fsRoot === '/' ? os.release() : null, runtime, ...sources };
}

/** The same facts the diagnostics report lists under "Tools", read before Apply is offered. */
async function readPasswordPrompt(
  ctx: SystemContext,
  authentication: Authentication,
  findAgent: () => Promise<string | null>,
): Promise<PasswordPrompt> {
  if (authentication === 'root') return 'root';
  if (findExecutable(ctx, 'pkexec') === null) return 'no-pkexec';
  return (await findAgent()) === null ? 'no-agent' : 'asks';
}

/**
 * Every file these facts read is asked for in the same tick as the state's own reads, so a
 * state read is one round trip to the reader thread (the stats before them are synchronous).
 */
async function readApplyFacts(
  ctx: SystemContext,
  authentication: Authentication,
  findAgent: () => Promise<string | null>,
): Promise<ApplyFacts> {
  const interruptedApply = readInterruptedApply(ctx);
  const [otherApplyRunning, passwordPrompt] = await Promise.all([
    isApplyLockHeld(ctx),
    readPasswordPrompt(ctx, authentication, findAgent),
  ]);
  return { interruptedApply, otherApplyRunning, passwordPrompt };
}

/** How a local elevator gets its rights; the demo's never asks the real system. */
function authenticationOf(ref: LocalTarget['ref'], elevator: Elevator): Authentication {
  if (ref.kind === 'demo') return 'simulated';
  return elevator.kind === 'polkit' ? 'polkit' : 'root';
}

/**
 * `catalogue`: the app's settings, unless a test brings its own (the third-setting test);
 * `addresses`: what it holds, when that is not this computer's interfaces (the demo).
 */
export function createLocalTarget(
  ref: LocalTarget['ref'],
  ctx: SystemContext,
  elevator: Elevator,
  catalogue: Catalogue = SETTINGS,
  addresses: readonly string[] | null = null,
): LocalTarget {
  const authentication = authenticationOf(ref, elevator);
  const findAgent = createPolkitAgentFinder(ctx);
  const readLocal = async (): Promise<LocalSnapshot> => {
    const started = performance.now();
    const [sysctl, applyFacts] = await Promise.all([
      readLocalSnapshot(ctx, catalogue),
      readApplyFacts(ctx, authentication, findAgent),
    ]);
    const elapsedMs = performance.now() - started;
    return { catalogue, sysctl, extras: null, applyFacts, elapsedMs };
  };
  return {
    ref,
    ctx,
    catalogue,
    authentication,
    readLocal,
    ownAddresses: () => addresses ?? interfaceAddresses(),
    // In the demo the real network is left alone entirely: its simulated machine answers.
    bindTest: async (targets) => {
      const own = addresses ?? interfaceAddresses();
      const one = (t: (typeof targets)[number]) =>
        ref.kind === 'demo' ? simulateBindTest(ctx, t) : runBindTest(t, own);
      return { ok: true, value: await Promise.all(targets.map(one)) };
    },
    // Planning needs the values and the sources only: the Apply facts are the main view's
    // (readLocal), and gathering them before every Apply only delayed the step.
    read: async () => {
      const started = performance.now();
      const sysctl = await readLocalSnapshot(ctx, catalogue);
      const elapsedMs = performance.now() - started;
      return {
        ok: true,
        snapshot: { catalogue, sysctl, extras: null, applyFacts: null, elapsedMs },
      };
    },
    runStep: (args, manual) => elevator.runStep(args, manual),
  };
}
