import type { AppState } from '../contract';
import { readRuntimeValues } from '../system/runtime';
import type { HandlerDeps } from './deps';
import { guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './handler-table';

/** Reads everything the main view shows, fresh from the system each time. */
export async function readAppState(deps: HandlerDeps): Promise<AppState> {
  const settings = await readRuntimeValues(deps.ctx);
  return { readAt: new Date().toISOString(), demo: deps.demo, settings };
}

export function createStateHandlers(deps: HandlerDeps): FeatureHandlers<'state:get'> {
  return {
    'state:get': (payload) =>
      guard(async () => {
        if (payload !== null && payload !== undefined) {
          return invalidPayload('state:get', 'it takes no payload');
        }
        return succeed(await readAppState(deps));
      }),
  };
}
