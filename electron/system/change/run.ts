import type { ApiError, ApplyRequest, ChangeReport } from '../../contract';
import { mapStepExit } from '../elevation-errors';
import { buildManualAlternatives, wantedRuntimeValues } from '../equivalent-commands';
import { stepArguments, type StepPlan } from '../privileged-step';
import { parseRecoveryLine } from '../step-recovery';
import type { Catalogue } from '../settings';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import type { StepRun } from '../elevator';
import type { Target } from '../target/target';
import { changeReport, changeReportLine } from './outcome';
import { planApply } from './plan';

export type ApplyResult =
  | { readonly applied: true; readonly report: ChangeReport; readonly plan: StepPlan }
  | { readonly applied: false; readonly error: ApiError; readonly plan: StepPlan | null };

/**
 * One Apply as a straight line: the target is read once, the request planned from that
 * read (pure), the step run once there (one authentication), and its outcome reported.
 */
export async function applyChanges(target: Target, request: ApplyRequest): Promise<ApplyResult> {
  const read = await target.read();
  if (!read.ok) return { applied: false, error: read.error, plan: null };
  const { sysctl, catalogue } = read.snapshot;
  const planned = planApply(sysctl, request, catalogue);
  if (!planned.ok) return { applied: false, error: planned.error, plan: null };
  return runPlannedStep(target, planned.plan, sysctl.runtime, catalogue);
}

/**
 * Runs one planned step on a target; the outcome compares with the running values it was
 * planned from, over the catalogue that read covered.
 */
export async function runPlannedStep(
  target: Target,
  plan: StepPlan,
  before: SysctlSnapshot['runtime'],
  catalogue: Catalogue,
): Promise<ApplyResult> {
  const args = stepArguments(plan, catalogue);
  if (!args.ok) {
    const code = 'invalid-request';
    const error: ApiError = { code, data: { from: 'step-arguments', code, error: args.error } };
    return { applied: false, error, plan };
  }
  const run = await target.runStep(args.args, buildManualAlternatives(plan, catalogue));
  return stepOutcome(plan, before, run, catalogue);
}

/** What one run of the step did, as codes and data: the change report, or why it failed. */
export function stepOutcome(
  plan: StepPlan,
  before: SysctlSnapshot['runtime'],
  run: StepRun,
  catalogue: Catalogue,
): ApplyResult {
  if (run.kind === 'not-elevated') return { applied: false, error: run.error, plan };
  // A killed earlier Apply, resolved by this step before its own change, is reported first.
  const report = changeReport(plan, before, parseRecoveryLine(run.stdout), catalogue);
  const failure = mapStepExit(run.exitCode, run.stderr, wantedRuntimeValues(plan), run.stdout);
  if (failure) {
    const recovery = report.recovery
      ? changeReportLine({ ...report, settings: [], file: null })
      : null;
    const details = [recovery, failure.details].filter(Boolean).join('\n') || undefined;
    return { applied: false, error: { ...failure, details }, plan };
  }
  return { applied: true, report, plan };
}
