import type { Envelope, MakeAlikeResult, NodeOutcome } from '../../contract';
import { runPlannedStep } from '../change/run';
import { errorText, planAll, type Planned } from './make-alike';
import { readView, type NodeServices } from './node-list';

async function applyPlanned(
  services: NodeServices,
  { column, plan }: Planned,
  password: Buffer | null,
): Promise<NodeOutcome> {
  const base = { id: column.column.id, name: column.column.name };
  if (plan.kind === 'unread' || plan.kind === 'impossible')
    return { ...base, status: 'skipped', detail: { kind: 'left-out', error: plan.error } };
  if (plan.kind === 'alike') return { ...base, status: 'unchanged', detail: { kind: 'alike' } };
  if (column.destination === null) {
    const result = await runPlannedStep(
      services.local,
      plan.step,
      column.read.ok ? column.read.snapshot.sysctl.runtime : {},
      services.local.catalogue,
    );
    return result.applied
      ? { ...base, status: 'applied', detail: { kind: 'applied-here', report: result.report } }
      : { ...base, status: 'failed', detail: { kind: 'failed', error: result.error } };
  }
  // The plan carries the step's arguments, checked when it was made: nothing here can refuse it.
  const there = services.connect(column.destination, password);
  const result = await there.runStep(plan.args, []);
  if (result.ok) {
    const detail = { kind: 'applied-there', waited: result.waited, changes: plan.changes } as const;
    return { ...base, status: 'applied', detail };
  }
  if (result.kind !== 'dropped') {
    const detail = { kind: 'failed', error: result.error } as const;
    return { ...base, status: 'failed', detail };
  }
  // The step keeps an intent record; reconnecting lets it finish or roll back and say which.
  const recovery = await there.recover();
  return {
    ...base,
    status: 'failed',
    detail: { kind: 'dropped', waiting: result.waiting, recovery },
  };
}

/**
 * The last net under one machine's Apply: whatever goes wrong there becomes that machine's
 * own failed outcome, so one machine can never take the others' outcomes down with it.
 */
export async function applyOrFail(
  services: NodeServices,
  planned: Planned,
  password: Buffer | null,
): Promise<NodeOutcome> {
  const { id, name } = planned.column.column;
  try {
    return await applyPlanned(services, planned, password);
  } catch (error) {
    console.error(`make-alike on ${name}: ${errorText(error)}`);
    return { id, name, status: 'failed', detail: { kind: 'crashed' } };
  }
}

/**
 * "Make all nodes like `reference`", planned afresh from what the machines hold now (each
 * file change is hash-checked by the step): this computer first (its polkit dialog), then
 * every node at once, one authentication each. Each password becomes bytes at once and is
 * zeroed when the Apply ends (the request's string itself cannot be wiped).
 */
export async function makeAllAlike(
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
    for (const p of here) outcomes.push(await applyOrFail(services, p, null));
    outcomes.push(
      ...(await Promise.all(
        remote.map((p) => applyOrFail(services, p, secrets.get(p.column.column.id) ?? null)),
      )),
    );
    return { ok: true, value: { outcomes, view: (await readView(services)).view } };
  } finally {
    for (const secret of secrets.values()) secret.fill(0);
  }
}
