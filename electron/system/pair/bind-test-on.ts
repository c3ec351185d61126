import type { BindTestResult, Envelope } from '../../contract';
import { checkBindAddresses } from '../nodes/node-bind-test';
import { LOCAL_ID } from '../nodes/pair-view';
import { findNode } from './node-list';
import type { NodeServices } from './node-services';

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
