import type { Envelope, MakeAlikeResult, NodeOutcome } from '../../contract';
import { runPlannedStep } from '../change/run';
import { describeRecovery } from '../elevation-errors';
import { applyOnNode, recoverOnNode } from '../nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../privileged-script';
import { errorText, planAll, type Planned } from './make-alike';
import { readView } from './node-list';
import type { NodeServices, ThisComputer } from './node-services';

async function applyPlanned(
  local: ThisComputer,
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
    const result = await runPlannedStep(local.ctx, local.elevator, plan.step);
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

/**
 * The last net under one machine's Apply: whatever goes wrong there becomes that machine's
 * own failed outcome, so one machine can never take the others' outcomes down with it.
 */
export async function applyOrFail(
  local: ThisComputer,
  services: NodeServices,
  planned: Planned,
  password: Buffer | null,
): Promise<NodeOutcome> {
  const { id, name } = planned.column.column;
  try {
    return await applyPlanned(local, services, planned, password);
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

/**
 * "Make all nodes like `reference`", planned afresh from what the machines hold now (each
 * file change is hash-checked by the step): this computer first (its polkit dialog), then
 * every node at once, one authentication each. Each password becomes bytes at once and is
 * zeroed when the Apply ends (the request's string itself cannot be wiped).
 */
export async function makeAllAlike(
  local: ThisComputer,
  services: NodeServices,
  reference: string,
  passwords: Readonly<Record<string, string>>,
): Promise<Envelope<MakeAlikeResult>> {
  const secrets = new Map<string, Buffer>();
  for (const [id, p] of Object.entries(passwords))
    if (p !== '') secrets.set(id, Buffer.from(p, 'utf8'));
  try {
    const all = planAll((await readView(services)).columns, reference);
    if (!('planned' in all)) return { ok: false, error: all };
    const here = all.planned.filter((p) => p.column.destination === null);
    const remote = all.planned.filter((p) => p.column.destination !== null);
    const outcomes: NodeOutcome[] = [];
    for (const p of here) outcomes.push(await applyOrFail(local, services, p, null));
    outcomes.push(
      ...(await Promise.all(
        remote.map((p) => applyOrFail(local, services, p, secrets.get(p.column.column.id) ?? null)),
      )),
    );
    return { ok: true, value: { outcomes, view: (await readView(services)).view } };
  } finally {
    for (const secret of secrets.values()) secret.fill(0);
  }
}
