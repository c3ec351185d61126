import type { AddNodeResult, Envelope } from '../../contract';
import { parseDestination } from '../nodes/destination';
import { loadNodes, saveNodes } from '../nodes/node-store';
import { withPrediction, type MachineRead } from '../nodes/pair-view';
import type { NodeServices } from './node-services';
import { readView } from './node-list';

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
