import type { ApiError, ApplyRequest } from '../../contract';
import { describeRecovery, mapStepExit } from '../elevation-errors';
import type { Elevator } from '../elevator';
import { buildManualAlternatives, wantedRuntimeValues } from '../equivalent-commands';
import { stepArguments, stepArgumentsWords, type StepPlan } from '../privileged-step';
import { readRuntimeValues } from '../runtime';
import { parseRecoveryLine } from '../step-recovery';
import type { SystemContext } from '../system-context';
import { describeChanges } from './outcome-words';
import { planApply } from './plan';

export type ApplyResult =
  | { readonly applied: true; readonly summary: string; readonly plan: StepPlan }
  | { readonly applied: false; readonly error: ApiError; readonly plan: StepPlan | null };

/** Plans, runs one privileged step (one authentication), and reports the outcome. */
export async function applyChanges(
  ctx: SystemContext,
  elevator: Elevator,
  request: ApplyRequest,
): Promise<ApplyResult> {
  const planned = await planApply(ctx, request);
  if (!planned.ok) return { applied: false, error: planned.error, plan: null };
  return runPlannedStep(ctx, elevator, planned.plan);
}

/** Runs one planned step on this computer (one authentication) and reports the outcome. */
export async function runPlannedStep(
  ctx: SystemContext,
  elevator: Elevator,
  plan: StepPlan,
): Promise<ApplyResult> {
  const args = stepArguments(plan);
  if (!args.ok) {
    const error: ApiError = { code: 'invalid-request', message: stepArgumentsWords(args.error) };
    return { applied: false, error, plan };
  }
  const before = await readRuntimeValues(ctx);
  const run = await elevator.runStep(args.args, buildManualAlternatives(plan));
  if (run.kind === 'not-elevated') return { applied: false, error: run.error, plan };
  // A killed earlier Apply, resolved by this step before its own change, is reported first.
  const recovered = parseRecoveryLine(run.stdout);
  const recovery = recovered ? describeRecovery(recovered) : null;
  const failure = mapStepExit(run.exitCode, run.stderr, wantedRuntimeValues(plan));
  if (failure) {
    const details = [recovery, failure.details].filter(Boolean).join('\n') || undefined;
    return { applied: false, error: { ...failure, details }, plan };
  }
  const summary = describeChanges(plan, before);
  return { applied: true, summary: recovery ? `${recovery} ${summary}` : summary, plan };
}
