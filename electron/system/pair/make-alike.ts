import type {
  AlikePlan,
  ApiError,
  Envelope,
  NodeChangePlan,
  RuntimeValue,
  SettingId,
} from '../../contract';
import { DEFAULT_FILE_NAME } from '../file-name';
import { fleetBlocks } from '../nodes/fleet-export';
import type { ReadColumn } from '../nodes/pair-view';
import { planAlike, targetFrom, type AlikeTarget, type MachinePlan } from '../nodes/plan-alike';
import { readView, type NodeServices } from './node-list';

/**
 * "Make all nodes like …": one plan per machine, and one outcome per machine, whatever
 * happens on the others.
 */

function authenticationFor(services: NodeServices): NodeChangePlan['authentication'] {
  return services.local.authentication === 'polkit' ? 'polkit' : 'root';
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
  if (!ref) {
    const name = reference.slice(0, 80);
    return { code: 'unknown-node', data: { from: 'machine', code: 'unknown-node', name } };
  }
  // Worded as the reference's own read failure: its data says what went wrong there.
  if (!ref.read.ok) return { ...ref.read.error, code: 'reference-unread' };
  const target = targetFrom(ref.read.prediction);
  const planned = columns
    .filter((c) => c !== ref)
    .map((column): Planned => ({
      column,
      plan: column.read.ok
        ? planAlike(
            {
              name: column.column.name,
              snapshot: column.read.snapshot.sysctl,
              prediction: column.read.prediction,
            },
            target,
          )
        : { kind: 'unread', error: column.read.error },
    }));
  return { target, planned };
}

/** The target as Ansible and cloud-init would write it; null when no value is known. */
export function exportsFor(target: AlikeTarget): AlikePlan['exports'] {
  const values: Record<SettingId, RuntimeValue> = {};
  for (const [id, value] of Object.entries(target)) if (value !== null) values[id] = value;
  if (Object.keys(values).length === 0) return null;
  const change = { fileName: DEFAULT_FILE_NAME, values };
  return { change, blocks: fleetBlocks(change) };
}

async function toNodePlan(
  services: NodeServices,
  { column, plan }: Planned,
): Promise<NodeChangePlan> {
  const base = { id: column.column.id, name: column.column.name };
  if (plan.kind !== 'change') {
    const error = plan.kind === 'alike' ? null : plan.error;
    return { ...base, changes: [], file: null, authentication: 'none', error };
  }
  const change = { ...base, changes: plan.changes, file: plan.file };
  if (column.destination === null)
    return { ...change, authentication: authenticationFor(services), error: null };
  const sudo = await services.connect(column.destination).probeSudo();
  if (!sudo.ok) return { ...change, authentication: 'none', error: sudo.error };
  const authentication = sudo.needsPassword ? 'sudo-password' : 'sudo-no-password';
  return { ...change, authentication, error: null };
}

/** One line for the log: the stack stays out of the way of the other machines' lines. */
export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** The same net under one machine's plan: its failure is shown in its own place. */
export async function planOrFail(
  services: NodeServices,
  planned: Planned,
): Promise<NodeChangePlan> {
  const { id, name } = planned.column.column;
  try {
    return await toNodePlan(services, planned);
  } catch (error) {
    console.error(`make-alike plan for ${name}: ${errorText(error)}`);
    return {
      id,
      name,
      changes: [],
      file: null,
      authentication: 'none',
      error: { code: 'plan-failed', data: { from: 'machine', code: 'plan-failed', name } },
    };
  }
}

/** "Make all nodes like `reference`": what would change where, read afresh, nothing changed. */
export async function planAllAlike(
  services: NodeServices,
  reference: string,
): Promise<Envelope<AlikePlan>> {
  const all = planAll((await readView(services)).columns, reference);
  if (!('planned' in all)) return { ok: false, error: all };
  const nodes = await Promise.all(all.planned.map((p) => planOrFail(services, p)));
  return {
    ok: true,
    value: { reference, target: all.target, nodes, exports: exportsFor(all.target) },
  };
}
