import type { AddNodeResult, BindTestResult, Envelope, PairView } from '../../contract';
import { parseDestination, type Destination } from '../nodes/destination';
import { checkBindAddresses } from '../nodes/node-bind-test';
import { loadNodes, saveNodes } from '../nodes/node-store';
import {
  LOCAL_ID,
  readAllMachines,
  toPairView,
  withPrediction,
  type MachineRead,
  type ReadColumn,
} from '../nodes/pair-view';
import type { LocalTarget } from '../target/local-target';
import type { NodeConnector } from '../target/node-target';

/** How the pair view reaches its machines: this computer's target, its nodes, the node list. */
export interface NodeServices {
  /** A node target for a destination: over the user's OpenSSH, or the demo's simulated node. */
  readonly connect: NodeConnector;
  /** The node list (destinations only), in the user's XDG config directory. */
  readonly storeFile: string;
  /** This computer, read and changed as the main view does. */
  readonly local: LocalTarget;
}

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
async function findNode(services: NodeServices, node: string): Promise<Envelope<Destination>> {
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

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Adds a node once it answered a read. A node whose host key is unknown is added only
 * after the user confirmed exactly the fingerprints shown: a key that changed meanwhile
 * is asked again.
 */
export async function addNode(
  services: NodeServices,
  text: string,
  trustFingerprints: readonly string[] | undefined,
): Promise<Envelope<AddNodeResult>> {
  const checked = parseDestination(text);
  if (!checked.ok) return { ok: false, error: checked.error };
  const destination = checked.destination;
  const known = await loadNodes(services.storeFile);
  const fresh = new Map<string, MachineRead>();
  if (!known.includes(destination.text)) {
    const node = services.connect(destination);
    let read = withPrediction(await node.read());
    if (!read.ok && read.error.code === 'host-key-unknown') {
      const scan = await node.scanHostKey();
      if (!scan.ok) return { ok: false, error: scan.failure.error };
      const shown = scan.offer.fingerprints;
      if (trustFingerprints === undefined || !sameSet(trustFingerprints, shown)) {
        const ask = {
          kind: 'confirm-host-key',
          destination: destination.text,
          fingerprints: shown,
        };
        return { ok: true, value: ask as AddNodeResult };
      }
      await node.acceptHostKey(scan.offer);
      read = withPrediction(await node.read());
    }
    if (!read.ok) return { ok: false, error: read.error };
    await saveNodes(services.storeFile, [...known, destination.text]);
    fresh.set(destination.text, read);
  }
  return { ok: true, value: { kind: 'added', view: (await readView(services, fresh)).view } };
}

/** Binds each address on one machine of the pair: this computer or a node in the list. */
export async function bindTestOn(
  services: NodeServices,
  node: string,
  addresses: readonly unknown[],
): Promise<Envelope<BindTestResult[]>> {
  const checked = checkBindAddresses(addresses);
  if (!checked.ok) return checked;
  if (node === LOCAL_ID) return services.local.bindTest(checked.value);
  const found = await findNode(services, node);
  if (!found.ok) return found;
  return services.connect(found.value).bindTest(checked.value);
}
