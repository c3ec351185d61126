import type { Envelope, NodeBindTestResult } from '../../contract';
import { bindTestAt, checkBindAddresses } from '../nodes/node-bind-test';
import { LOCAL_ID } from '../nodes/pair-view';
import { findNode } from './node-list';
import type { LocalTarget } from '../target/local-target';
import { createNodeTarget, type NodeTarget } from '../target/node-target';
import type { NodeServices } from './node-services';

/** Binds each address on one machine of the pair: this computer or a node in the list. */
export async function bindTestOn(
  services: NodeServices,
  node: string,
  addresses: readonly unknown[],
): Promise<Envelope<NodeBindTestResult>> {
  const checked = checkBindAddresses(addresses);
  if (!checked.ok) return checked;
  let target: LocalTarget | NodeTarget = services.local;
  if (node !== LOCAL_ID) {
    const found = await findNode(services, node);
    if (!found.ok) return found;
    target = createNodeTarget(services.ssh, found.value);
  }
  return bindTestAt(target, checked.value);
}
