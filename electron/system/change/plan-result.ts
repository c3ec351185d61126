import type { ApiError } from '../../contract';
import type { StepPlan } from '../privileged-step';

/** A request turned into one step, or why it cannot be carried out as asked (nothing ran). */
export type PlanResult =
  { readonly ok: true; readonly plan: StepPlan } | { readonly ok: false; readonly error: ApiError };

export const planned = (plan: StepPlan): PlanResult => ({ ok: true, plan });
export const refused = (error: ApiError): PlanResult => ({ ok: false, error });
