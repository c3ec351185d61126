import { readAppState } from '../system/app-state';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';

/** Everything the main view shows, read fresh from the system each time. */
export function createStateHandlers(deps: HandlerDeps): FeatureHandlers<'state:get'> {
  return {
    'state:get': handle('state:get', noPayload, async () => succeed(await readAppState(deps))),
  };
}
