/**
 * Reading, changing and bind-testing inside other network namespaces, each call one run of
 * the privileged step (one authentication through polkit; none as root). The step checks
 * every namespace it enters against the inode asked for (step/script-namespaces.ts); here
 * the arguments are built from checked values and its answer is read as hostile text.
 */
import type { ApiError, BindTestResult, Envelope, SettingId } from '../../contract';
import type { BindTarget } from '../bind-test';
import type { ManualCommands } from '../elevation-errors';
import { mapStepExit } from '../elevation-errors';
import type { StepRun } from '../elevator';
import type { Catalogue } from '../settings';
import { STEP_EXIT } from '../step-exit';
import type { Target } from '../target/target';
import {
  bindArgs,
  readArgs,
  setArgs,
  type NamespaceArgs,
  type NamespaceArgsProblem,
} from './namespace-step-args';
import { parseBindOutput, parseReadOutput, parseSetOutput } from './namespace-step-parse';
import type { NamespaceReadProblem, NamespaceReading, NamespaceRef } from './namespace-step-types';

/** A LocalTarget's `runStep`: polkit once, or root directly. */
export type StepRunner = Target['runStep'];

type Failure = { readonly ok: false; readonly error: ApiError };

/** A request the step would refuse: a bug guard, never sent (technical details only). */
function invalid(problem: NamespaceArgsProblem): Failure {
  return { ok: false, error: { code: 'invalid-request', details: JSON.stringify(problem) } };
}

/** An answer that is not the step's: nothing of it is believed. */
function unreadable(run: Extract<StepRun, { kind: 'ran' }>): Failure {
  const details = `unreadable answer (exit ${run.exitCode}): ${run.stdout.slice(0, 300)}${run.stderr.slice(0, 300)}`;
  return { ok: false, error: { code: 'step-failed', details } };
}

/** Runs the step once; a refusal to elevate or a failing exit becomes its error. */
async function runOnce(
  run: StepRunner,
  args: NamespaceArgs,
  manual: ManualCommands,
): Promise<Extract<StepRun, { kind: 'ran' }> | Failure> {
  if (!args.ok) return invalid(args.problem);
  const outcome = await run(args.args, manual);
  if (outcome.kind === 'not-elevated') return { ok: false, error: outcome.error };
  return outcome;
}

/** Runs the step once and wants its success: any other exit is its error. */
async function runToSuccess(
  run: StepRunner,
  args: NamespaceArgs,
): Promise<Extract<StepRun, { kind: 'ran' }> | Failure> {
  const ran = await runOnce(run, args, []);
  if ('ok' in ran || ran.exitCode === STEP_EXIT.ok) return ran;
  return { ok: false, error: mapStepExit(ran.exitCode, ran.stderr) ?? unreadable(ran).error };
}

/** A namespace the step could not enter, as the error of a call about that one namespace. */
export function problemError(problem: NamespaceReadProblem, inode: number): ApiError {
  const code = problem === 'cannot-enter' ? 'netns-unreachable' : 'netns-unknown';
  return { code, details: `namespace ${inode}: ${problem}` };
}

/** Reads every catalogue setting inside each namespace, in one run of the step. */
export async function readInsideNamespaces(
  run: StepRunner,
  refs: readonly NamespaceRef[],
  catalogue: Catalogue,
): Promise<
  | { ok: true; readings: readonly NamespaceReading[]; elapsedMs: number }
  | { ok: false; error: ApiError }
> {
  const started = performance.now();
  const ran = await runToSuccess(run, readArgs(refs));
  if ('ok' in ran) return ran;
  const inodes = refs.map((r) => r.inode);
  const readings = parseReadOutput(ran.stdout, inodes, catalogue);
  if (!readings) return unreadable(ran);
  return { ok: true, readings, elapsedMs: performance.now() - started };
}

/** What the user can type instead: the same write from a root shell. */
function manualSet(
  ref: NamespaceRef,
  values: Readonly<Record<SettingId, 0 | 1>>,
  catalogue: Catalogue,
): ManualCommands {
  const pairs = catalogue
    .filter((c) => values[c.id] === 0 || values[c.id] === 1)
    .map((c) => `${c.key}=${values[c.id]}`);
  const sysctl = `sysctl -w ${pairs.join(' ')}`;
  return ref.via === 'name'
    ? [
        {
          caption: { kind: 'netns-now', name: ref.name },
          commands: `sudo ip netns exec ${ref.name} ${sysctl}`,
        },
      ]
    : [
        {
          caption: { kind: 'nsenter-now', pid: ref.pid },
          commands: `sudo nsenter --net=/proc/${ref.pid}/ns/net ${sysctl}`,
        },
      ];
}

/**
 * Sets running values inside one namespace other than the step's own, and reads every
 * setting back there. A namespace that is gone or changed is a reading with its problem
 * (nothing was written); the step's own namespace is refused (`netns-own`).
 */
export async function setInsideNamespace(
  run: StepRunner,
  ref: NamespaceRef,
  values: Readonly<Record<SettingId, 0 | 1>>,
  catalogue: Catalogue,
): Promise<{ ok: true; reading: NamespaceReading } | { ok: false; error: ApiError }> {
  const args = setArgs(ref, values, catalogue);
  const manual = args.ok ? manualSet(ref, values, catalogue) : [];
  const ran = await runOnce(run, args, manual);
  if ('ok' in ran) return ran;
  const parsed = parseSetOutput(ran.stdout, ref.inode, catalogue);
  if (parsed === 'own' && ran.exitCode === STEP_EXIT.invalidArguments)
    return { ok: false, error: { code: 'netns-own', details: `namespace ${ref.inode}` } };
  if (ran.exitCode !== STEP_EXIT.ok) {
    const error = mapStepExit(ran.exitCode, ran.stderr);
    return { ok: false, error: error ? { ...error, alternatives: manual } : unreadable(ran).error };
  }
  if (parsed === null || parsed === 'own') return unreadable(ran);
  return { ok: true, reading: parsed };
}

/** Binds each address (port 0) inside one namespace with the node bind program, in one run. */
export async function bindTestInsideNamespace(
  run: StepRunner,
  ref: NamespaceRef,
  targets: readonly BindTarget[],
): Promise<Envelope<BindTestResult[]>> {
  const ran = await runToSuccess(run, bindArgs(ref, targets));
  if ('ok' in ran) return ran;
  const parsed = parseBindOutput(ran.stdout, ref.inode, targets);
  if (!parsed) return unreadable(ran);
  if (parsed.kind === 'problem')
    return { ok: false, error: problemError(parsed.problem, ref.inode) };
  return { ok: true, value: parsed.results };
}
