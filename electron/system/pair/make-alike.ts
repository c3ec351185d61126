import type { AlikePlan, ApiError, NodeChangePlan, NodeOutcome } from '../contract';
import { runPlannedStep } from '../system/apply';
import { describeRecovery } from '../system/elevation-errors';
import { DEFAULT_FILE_NAME } from '../system/file-name';
import { fleetBlocks } from '../system/nodes/fleet-export';
import type { ReadColumn } from '../system/nodes/pair-view';
import {
  planAlike,
  targetFrom,
  type AlikeTarget,
  type MachinePlan,
} from '../system/nodes/plan-alike';
import { applyOnNode, probeSudo, recoverOnNode } from '../system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../system/privileged-script';
import type { HandlerDeps, NodeServices } from './deps';

/**
 * "Make all nodes like …": one plan per machine, and one outcome per machine, whatever
 * happens on the others.
 */

function authenticationFor(deps: HandlerDeps): NodeChangePlan['authentication'] {
  return deps.elevator.kind === 'polkit' ? 'polkit' : 'root';
}

export interface Planned {
  readonly column: ReadColumn;
  readonly plan: MachinePlan | { readonly kind: 'unread'; readonly error: ApiError };
}

export interface PlannedAll {
  readonly target: AlikeTarget;
  readonly planned: readonly Planned[];
}

export function planAll(columns: readonly ReadColumn[], reference: string): PlannedAll | ApiError {
  const ref = columns.find((c) => c.column.id === reference);
  if (!ref)
    return { code: 'unknown-node', message: `There is no machine "${reference}" in the list.` };
  if (!ref.read.ok) return { code: 'reference-unread', message: ref.read.message };
  const target = targetFrom(ref.read.prediction);
  const planned = columns
    .filter((c) => c !== ref)
    .map((column): Planned => ({
      column,
      plan: column.read.ok
        ? planAlike(
            {
              name: column.column.name,
              snapshot: column.read.snapshot,
              prediction: column.read.prediction,
            },
            target,
          )
        : { kind: 'unread', error: { code: column.read.kind, message: column.read.message } },
    }));
  return { target, planned };
}

/** The target as Ansible and cloud-init would write it; null when no value is known. */
export function exportsFor(target: AlikeTarget): AlikePlan['exports'] {
  const values = {
    ...(target.ipv4 === null ? {} : { ipv4: target.ipv4 }),
    ...(target.ipv6 === null ? {} : { ipv6: target.ipv6 }),
  };
  if (values.ipv4 === undefined && values.ipv6 === undefined) return null;
  const change = { fileName: DEFAULT_FILE_NAME, values };
  return { change, blocks: fleetBlocks(change) };
}

async function toNodePlan(
  deps: HandlerDeps,
  services: NodeServices,
  { column, plan }: Planned,
): Promise<NodeChangePlan> {
  const base = { id: column.column.id, name: column.column.name };
  if (plan.kind === 'unread' || plan.kind === 'impossible')
    return { ...base, changes: [], file: null, authentication: 'none', error: plan.error };
  if (plan.kind === 'alike')
    return { ...base, changes: [], file: null, authentication: 'none', error: null };
  if (column.destination === null)
    return {
      ...base,
      changes: plan.changes,
      file: plan.file,
      authentication: authenticationFor(deps),
      error: null,
    };
  const sudo = await probeSudo(services.ssh, column.destination);
  return sudo.ok
    ? {
        ...base,
        changes: plan.changes,
        file: plan.file,
        authentication: sudo.needsPassword ? 'sudo-password' : 'sudo-no-password',
        error: null,
      }
    : {
        ...base,
        changes: plan.changes,
        file: plan.file,
        authentication: 'none',
        error: { code: sudo.kind, message: sudo.message },
      };
}

async function applyPlanned(
  deps: HandlerDeps,
  services: NodeServices,
  { column, plan }: Planned,
  password: Buffer | null,
): Promise<NodeOutcome> {
  const base = { id: column.column.id, name: column.column.name };
  if (plan.kind === 'unread' || plan.kind === 'impossible')
    return { ...base, status: 'skipped', message: plan.error.message };
  if (plan.kind === 'alike')
    return {
      ...base,
      status: 'unchanged',
      message: `${base.name} is already alike: nothing to do.`,
    };
  if (column.destination === null) {
    const result = await runPlannedStep(deps.ctx, deps.elevator, plan.step);
    return result.applied
      ? { ...base, status: 'applied', message: `${base.name}: ${result.summary}` }
      : { ...base, status: 'failed', message: `${base.name}: ${result.error.message}` };
  }
  // The plan carries the step's arguments, checked when it was made: nothing here can refuse it.
  const result = await applyOnNode(
    services.ssh,
    column.destination,
    PRIVILEGED_SCRIPT,
    plan.args,
    password,
  );
  if (result.ok) {
    const waited = result.waited ? ' (after waiting for another Apply on the node to finish)' : '';
    return {
      ...base,
      status: 'applied',
      message: `${base.name}: applied${waited}. ${plan.changes.join(' ')}`,
    };
  }
  if (result.kind !== 'dropped') return { ...base, status: 'failed', message: result.message };
  // The step keeps an intent record; reconnecting lets it finish or roll back and say which.
  const report = await recoverOnNode(services.ssh, column.destination, PRIVILEGED_SCRIPT, password);
  if (report === null) {
    return {
      ...base,
      status: 'failed',
      message: `${base.name}: the connection dropped during the Apply, and the app could not reconnect. If the step was interrupted there, its intent record stays on the node and the next Apply completes or rolls it back first; until then the node may be half-way. Read it again once it answers.`,
    };
  }
  const words =
    describeRecovery(report) ??
    `The step was not left half-way: the node now has IPv4 ${report.ipv4 === '1' ? 'on' : 'off'} and IPv6 ${report.ipv6 === '1' ? 'on' : 'off'}.`;
  const when = result.waiting
    ? 'while the step was waiting for another Apply on the node to finish'
    : 'during the Apply';
  return {
    ...base,
    status: 'failed',
    message: `${base.name}: the connection dropped ${when}. Reconnected: ${words}`,
  };
}

/** One line for the log: the stack stays out of the way of the other machines' lines. */
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * The last net under one machine's Apply: whatever goes wrong there becomes that machine's
 * own failed outcome, so one machine can never take the others' outcomes down with it.
 */
export async function applyOrFail(
  deps: HandlerDeps,
  services: NodeServices,
  planned: Planned,
  password: Buffer | null,
): Promise<NodeOutcome> {
  const { id, name } = planned.column.column;
  try {
    return await applyPlanned(deps, services, planned, password);
  } catch (error) {
    console.error(`make-alike on ${name}: ${errorText(error)}`);
    return {
      id,
      name,
      status: 'failed',
      message: `${name}: the Apply there stopped on an unexpected error. Read all again to see what it holds now.`,
    };
  }
}

/** The same net under one machine's plan: its failure is shown in its own place. */
export async function planOrFail(
  deps: HandlerDeps,
  services: NodeServices,
  planned: Planned,
): Promise<NodeChangePlan> {
  const { id, name } = planned.column.column;
  try {
    return await toNodePlan(deps, services, planned);
  } catch (error) {
    console.error(`make-alike plan for ${name}: ${errorText(error)}`);
    return {
      id,
      name,
      changes: [],
      file: null,
      authentication: 'none',
      error: {
        code: 'plan-failed',
        message: `${name}: planning stopped on an unexpected error; this machine is left out. Read all again and retry.`,
      },
    };
  }
}
