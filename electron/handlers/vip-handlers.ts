import { discoverVips } from '../system/vip-discovery';
import type { HandlerDeps } from './deps';
import { guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './types';

export function createVipHandlers(deps: HandlerDeps): FeatureHandlers<'vips:discover'> {
  return {
    'vips:discover': (payload) =>
      guard(async () => {
        if (payload !== null && payload !== undefined)
          return invalidPayload('vips:discover', 'it takes no payload');
        return succeed(await discoverVips(deps.ctx));
      }),
  };
}
