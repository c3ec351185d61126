import type { VipDiscovery } from '../../contract';
import { vipsFromNode } from '../nodes/node-vips';
import { discoverVips } from '../vip-discovery';
import type { LocalTarget } from './local-target';
import type { NodeTarget } from './node-target';
import type { TargetSnapshot } from './target';

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
