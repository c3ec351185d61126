import os from 'node:os';
import type { ApiError, NodeColumn, PairView, VipDiscovery } from '../../contract';
import type { LocalTarget } from '../target/local-target';
import type { NodeConnector, NodeTarget } from '../target/node-target';
import type { TargetRead, TargetSnapshot } from '../target/target';
import { readKernelRelease } from '../environment-facts';
import { discoverVips } from '../vip-discovery';
import type { Destination } from './destination';
import { vipsFromNode } from './node-vips';
import { findDifferences } from './pair-differences';
import { predictFromSnapshot, type NodePrediction } from './predict-from-snapshot';
import { nodeError } from './ssh-errors';

export const LOCAL_ID = 'local';

/**
 * Most bytes (as JSON) one machine's column may take in the view, and all of them
 * together. Every part of a column is capped where it is made (a node's answer, its VIP
 * budget), but what is made from it (boot details of thousands of files that each set the
 * keys) is checked here once more, so a hostile node cannot swell the response.
 */
export const NODE_COLUMN_CAP = 1024 * 1024;
export const PAIR_VIEW_CAP = 8 * 1024 * 1024;

/**
 * The addresses a target's HAProxy, Keepalived and Nginx configuration names: a node's
 * from the configuration its read carried (one round trip), this computer's and the
 * demo's from their files, followed through includes within the discovery budget.
 */
export function discoverVipsOn(
  target: LocalTarget | NodeTarget,
  read: TargetSnapshot | null,
): Promise<VipDiscovery> {
  if ('ctx' in target) return discoverVips(target.ctx, undefined, target.ownAddresses());
  const extras = read?.extras ?? { vipFiles: [], addresses: null };
  return Promise.resolve(vipsFromNode(extras));
}

/** One machine as the pair view read it: its target's snapshot and what the shared model predicts. */
export type MachineRead =
  | { readonly ok: true; readonly snapshot: TargetSnapshot; readonly prediction: NodePrediction }
  | { readonly ok: false; readonly error: ApiError };

/** A target's read with the prediction every machine gets from the same boot model. */
export function withPrediction(read: TargetRead): MachineRead {
  return read.ok
    ? { ...read, prediction: predictFromSnapshot(read.snapshot.sysctl) }
    : { ok: false, error: read.error };
}

/** One machine as read for the pair view, with the raw read kept for planning. */
export interface ReadColumn {
  readonly column: NodeColumn;
  readonly read: MachineRead;
  /** Null for this computer. */
  readonly destination: Destination | null;
}

/** The demo's simulated computer has a host name of its own, so its screenshots never show this one's. */
export const DEMO_HOST_NAME = 'lb-1';

export function localName(target: LocalTarget): string {
  return `This computer (${localHost(target)})`;
}

/** The host name the local column's heading shows (the renderer words it). */
const localHost = (target: LocalTarget) =>
  target.ref.kind === 'demo' ? DEMO_HOST_NAME : os.hostname();

function toColumn(
  id: string,
  name: string,
  kind: NodeColumn['kind'],
  read: MachineRead,
  vips: VipDiscovery,
): NodeColumn {
  if (!read.ok) return { id, name, kind, read: { ok: false, error: read.error } };
  return {
    id,
    name,
    kind,
    read: {
      ok: true,
      kernel: read.snapshot.sysctl.kernel,
      settings: read.prediction.settings,
      boot: read.prediction.boot,
      vips,
      elapsedMs: Math.round(read.snapshot.elapsedMs),
    },
  };
}

/**
 * What a column that is not shown may take at most: its id and name (a destination of a
 * few hundred characters at most) and a sentence. Reserved for every column up front, so
 * that the columns left out cannot push the view past its cap either.
 */
const NOT_SHOWN_RESERVE = 2048;

/** A column too large to send, or past the view's cap, says so instead of its reading. */
export function withinCaps(columns: readonly ReadColumn[]): ReadColumn[] {
  let left = PAIR_VIEW_CAP - columns.length * NOT_SHOWN_RESERVE;
  const mib = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
  return columns.map((c) => {
    const size = Buffer.byteLength(JSON.stringify(c.column));
    const beyond = Math.max(0, size - NOT_SHOWN_RESERVE);
    if (size <= NODE_COLUMN_CAP && beyond <= left) {
      left -= beyond;
      return c;
    }
    const why =
      size > NODE_COLUMN_CAP
        ? ({ stage: 'view', size: mib(size), limit: mib(NODE_COLUMN_CAP) } as const)
        : ({ stage: 'view-total', limit: mib(PAIR_VIEW_CAP) } as const);
    const error = nodeError('too-large', c.column.name.slice(0, 300), why);
    return { ...c, column: { ...c.column, read: { ok: false, error } } };
  });
}

/** One machine: its target's one reader, and the VIPs its configuration names. */
async function readColumn(
  target: LocalTarget | NodeTarget,
  fresh: MachineRead | undefined,
): Promise<ReadColumn> {
  let read = fresh ?? withPrediction(await target.read());
  const vips = await discoverVipsOn(target, read.ok ? read.snapshot : null);
  if ('ctx' in target) {
    // The demo's computer has a kernel of its own (its osrelease file), never this machine's.
    if (read.ok && read.snapshot.sysctl.kernel === null && target.ref.kind === 'demo') {
      const sysctl = { ...read.snapshot.sysctl, kernel: await readKernelRelease(target.ctx) };
      read = { ...read, snapshot: { ...read.snapshot, sysctl } };
    }
    const column = {
      ...toColumn(LOCAL_ID, localName(target), 'local', read, vips),
      host: localHost(target),
    };
    return { column, read, destination: null };
  }
  const name = target.destination.text;
  return {
    column: toColumn(name, name, target.reach, read, vips),
    read,
    destination: target.destination,
  };
}

/**
 * This computer and every node, read at the same time: one round trip each.
 * `fresh` holds nodes the caller has just read (a node being added), which are not read again.
 */
export async function readAllMachines(
  local: LocalTarget,
  connect: NodeConnector,
  destinations: readonly Destination[],
  fresh: ReadonlyMap<string, MachineRead> = new Map(),
): Promise<ReadColumn[]> {
  const nodes = destinations.map((d) => connect(d));
  return withinCaps(
    await Promise.all([
      readColumn(local, undefined),
      ...nodes.map((node) => readColumn(node, fresh.get(node.ref.node))),
    ]),
  );
}

/** The differences against the first machine that could be read. */
export function toPairView(columns: readonly ReadColumn[]): PairView {
  const readable = columns.flatMap((c) =>
    c.read.ok
      ? [
          {
            name: c.column.kind === 'local' ? 'this computer' : c.column.name,
            local: c.column.kind === 'local',
            prediction: c.read.prediction,
          },
        ]
      : [],
  );
  const [reference, ...others] = readable;
  return {
    readAt: new Date().toISOString(),
    columns: columns.map((c) => c.column),
    differences: reference ? findDifferences(reference, others) : [],
  };
}
