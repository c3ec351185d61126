import type { Envelope, NodeBindTestResult } from '../../contract';
import { bindTestHere, bindTestOnNode, checkBindAddresses } from '../nodes/node-bind-test';
import { LOCAL_ID } from '../nodes/pair-view';
import { findNode } from './node-list';
import type { NodeServices } from './node-services';

/** Binds each address on one machine of the pair: this computer or a node in the list. */
export async function bindTestOn(
  services: NodeServices,
  node: string,
  addresses: readonly unknown[],
): Promise<Envelope<NodeBindTestResult>> {
  const checked = checkBindAddresses(addresses);
  if (typeof checked === 'string')
    return { ok: false, error: { code: 'invalid-address', message: checked } };
  let result: NodeBindTestResult | string;
  if (node === LOCAL_ID) {
    result = await bindTestHere(checked);
  } else {
    const found = await findNode(services, node);
    if (!found.ok) return found;
    result = await bindTestOnNode(services.ssh, found.value, checked);
  }
  return typeof result === 'string'
    ? { ok: false, error: { code: 'bind-test-failed', message: result } }
    : { ok: true, value: result };
}
