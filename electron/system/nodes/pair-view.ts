import os from 'node:os';
import type { NodeColumn, PairView } from '../../contract';
import type { Destination } from './destination';
import { vipsFromNode } from './node-vips';
import { describeDifferences } from './pair-differences';
import { readNode, readThisComputer, type NodeRead } from './read-node';
import type { SshSettings } from './ssh-runner';

export const LOCAL_ID = 'local';

/** One machine as read for the pair view, with the raw read kept for planning. */
export interface ReadColumn {
  readonly column: NodeColumn;
  readonly read: NodeRead;
  /** Null for this computer. */
  readonly destination: Destination | null;
}

export function localName(): string {
  return `This computer (${os.hostname()})`;
}

function toColumn(id: string, name: string, kind: NodeColumn['kind'], read: NodeRead): NodeColumn {
  if (!read.ok)
    return { id, name, kind, read: { ok: false, code: read.kind, message: read.message } };
  return {
    id,
    name,
    kind,
    read: {
      ok: true,
      kernel: read.snapshot.kernel,
      settings: read.prediction.settings,
      boot: read.prediction.boot,
      vips: vipsFromNode(read.extras, kind === 'local' ? 'this computer' : name),
      elapsedMs: Math.round(read.elapsedMs),
    },
  };
}

/**
 * This computer and every node, read at the same time: one round trip each.
 * `fresh` holds nodes the caller has just read (a node being added), which are not read again.
 */
export async function readAllMachines(
  settings: SshSettings,
  destinations: readonly Destination[],
  fresh: ReadonlyMap<string, NodeRead> = new Map(),
): Promise<ReadColumn[]> {
  const reads = await Promise.all([
    readThisComputer(),
    ...destinations.map((d) => fresh.get(d.text) ?? readNode(settings, d)),
  ]);
  return reads.map((read, i) => {
    const destination = i === 0 ? null : (destinations[i - 1] ?? null);
    const column =
      destination === null
        ? toColumn(LOCAL_ID, localName(), 'local', read)
        : toColumn(destination.text, destination.text, 'ssh', read);
    return { column, read, destination };
  });
}

/** The differences against the first machine that could be read. */
export function toPairView(columns: readonly ReadColumn[]): PairView {
  const readable = columns.flatMap((c) =>
    c.read.ok
      ? [
          {
            name: c.column.kind === 'local' ? 'this computer' : c.column.name,
            prediction: c.read.prediction,
          },
        ]
      : [],
  );
  const [reference, ...others] = readable;
  return {
    readAt: new Date().toISOString(),
    columns: columns.map((c) => c.column),
    differences: reference ? describeDifferences(reference, others) : [],
  };
}
