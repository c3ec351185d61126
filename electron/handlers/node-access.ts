import type { ApiError, Channel, Envelope, ResultOf } from '../contract';
import { NodeStoreError } from '../system/nodes/node-store';
import type { NodeServices } from '../system/pair/node-services';
import type { HandlerDeps } from './deps';
import { fail, handle } from './envelope';
import type { Check } from './payload-checks';

const NOT_IN_DEMO: ApiError = { code: 'nodes-unavailable' };

/** A damaged node list is the user's to fix: its words reach them, not "something went wrong". */
function nodeStoreFailure<T>(error: unknown): Envelope<T> {
  if (error instanceof NodeStoreError) return fail(error.error);
  throw error;
}

/**
 * A pair-view channel: the payload checked, then `run` with the node services, which the
 * demo does not have. Every channel reads afresh: a plan is never carried between requests.
 */
export function handleNodes<C extends Channel, T>(
  deps: HandlerDeps,
  channel: C,
  check: Check<T>,
  run: (services: NodeServices, request: T) => Promise<Envelope<ResultOf<C>>>,
): (payload: unknown) => Promise<Envelope<ResultOf<C>>> {
  const services = deps.nodes;
  return handle(channel, check, (request) =>
    services
      ? run(services, request).catch(nodeStoreFailure<ResultOf<C>>)
      : Promise.resolve(fail(NOT_IN_DEMO)),
  );
}
