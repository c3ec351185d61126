import type { ApiError, Channel, Envelope, ResultOf } from '../contract';
import { NodeStoreError } from '../system/nodes/node-store';
import {
  addNode,
  bindTestOn,
  readView,
  removeNode,
  type NodeServices,
} from '../system/pair/node-list';
import { makeAllAlike } from '../system/pair/apply-alike';
import { planAllAlike } from '../system/pair/make-alike';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import {
  anything,
  listOf,
  noPayload,
  object,
  optional,
  recordOf,
  string,
  type Check,
} from './payload-checks';
import type { FeatureHandlers } from './types';

type NodeChannel =
  | 'nodes:view'
  | 'nodes:add'
  | 'nodes:remove'
  | 'nodes:bind-test'
  | 'nodes:plan-alike'
  | 'nodes:make-alike';

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
function handleNodes<C extends Channel, T>(
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

const NODE = string({ maxLength: 4096 });
const reference = string({ maxLength: 4096 });

const checks = {
  // The destination's own rules are parseDestination's, with their specific words.
  add: object({
    destination: NODE,
    trustFingerprints: optional(listOf(string({ maxLength: 512 }), { max: 64 })),
  }),
  remove: object({ node: NODE }),
  // The addresses get their own words (and count limit) from checkBindAddresses.
  bindTest: object({ node: NODE, addresses: listOf(anything, { max: 4096 }) }),
  plan: object({ reference }),
  /** Sudo passwords by node id; never stored, zeroed once the Apply ends. */
  make: object({ reference, passwords: recordOf(string({ maxLength: 1024 }), 4096) }),
};

/**
 * This computer and the nodes of its pair, over the user's own OpenSSH, and "Make all nodes
 * like …": the plan, and the run that is allowed one at a time.
 */
export function createNodeHandlers(deps: HandlerDeps): FeatureHandlers<NodeChannel> {
  let applying = false;
  return {
    'nodes:view': handleNodes(deps, 'nodes:view', noPayload, async (s) =>
      succeed((await readView(s)).view),
    ),
    'nodes:add': handleNodes(deps, 'nodes:add', checks.add, (s, request) =>
      addNode(s, request.destination, request.trustFingerprints),
    ),
    'nodes:remove': handleNodes(deps, 'nodes:remove', checks.remove, (s, { node }) =>
      removeNode(s, node),
    ),
    'nodes:bind-test': handleNodes(deps, 'nodes:bind-test', checks.bindTest, (s, request) =>
      bindTestOn(s, request.node, request.addresses),
    ),
    'nodes:plan-alike': handleNodes(deps, 'nodes:plan-alike', checks.plan, (s, request) =>
      planAllAlike(s, request.reference),
    ),
    'nodes:make-alike': handleNodes(deps, 'nodes:make-alike', checks.make, async (s, request) => {
      if (applying)
        return fail({
          code: 'apply-in-progress',
          data: { from: 'busy', code: 'apply-in-progress', what: 'make-alike' },
        });
      applying = true;
      try {
        return await makeAllAlike(s, request.reference, request.passwords);
      } finally {
        applying = false;
      }
    }),
  };
}
