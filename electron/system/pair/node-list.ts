import type { Envelope, PairView } from '../../contract';
import { parseDestination, type Destination } from '../nodes/destination';
import { loadNodes, saveNodes } from '../nodes/node-store';
import { readAllMachines, toPairView, type MachineRead, type ReadColumn } from '../nodes/pair-view';
import type { NodeServices } from './node-services';

/** The stored destinations that still parse; a damaged line is skipped, not trusted. */
async function destinations(services: NodeServices): Promise<Destination[]> {
  return (await loadNodes(services.storeFile)).flatMap((text) => {
    const d = parseDestination(text);
    return d.ok ? [d.destination] : [];
  });
}

/** Every machine of the pair read afresh; `fresh` holds reads just made (a node just added). */
export async function readView(
  services: NodeServices,
  fresh?: ReadonlyMap<string, MachineRead>,
): Promise<{ view: PairView; columns: ReadColumn[] }> {
  const columns = await readAllMachines(
    services.local,
    services.connect,
    await destinations(services),
    fresh,
  );
  return { view: toPairView(columns), columns };
}

/** A node the list does not hold; the name is cut short, it came from outside. */
const unknownNode = (node: string) =>
  ({
    ok: false,
    error: {
      code: 'unknown-node',
      data: { from: 'machine', code: 'unknown-node', name: node.slice(0, 80) },
    },
  }) as const;

/** The stored node named exactly `node`, parsed; an unknown-node failure otherwise. */
export async function findNode(
  services: NodeServices,
  node: string,
): Promise<Envelope<Destination>> {
  const known = await loadNodes(services.storeFile);
  const d = parseDestination(node);
  return d.ok && known.includes(node) ? { ok: true, value: d.destination } : unknownNode(node);
}

export async function removeNode(
  services: NodeServices,
  node: string,
): Promise<Envelope<PairView>> {
  const known = await loadNodes(services.storeFile);
  if (!known.includes(node)) return unknownNode(node);
  await saveNodes(
    services.storeFile,
    known.filter((n) => n !== node),
  );
  return { ok: true, value: (await readView(services)).view };
}
