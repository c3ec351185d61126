import { discoverVipsOn } from '../system/target/target-vips';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';

export function createVipHandlers(deps: HandlerDeps): FeatureHandlers<'vips:discover'> {
  return {
    'vips:discover': handle('vips:discover', noPayload, async () =>
      succeed(await discoverVipsOn(deps.target, null)),
    ),
  };
}
