import { addNode } from '../system/pair/add-node';
import { bindTestOn } from '../system/pair/bind-test-on';
import { readView, removeNode } from '../system/pair/node-list';
import type { HandlerDeps } from './deps';
import { succeed } from './envelope';
import { handleNodes } from './node-access';
import { anything, listOf, noPayload, object, optional, string } from './payload-checks';
import type { FeatureHandlers } from './types';

const NODE = string({ maxLength: 4096 });

const checks = {
  // The destination's own rules are parseDestination's, with their specific words.
  add: object({
    destination: NODE,
    trustFingerprints: optional(listOf(string({ maxLength: 512 }), { max: 64 })),
  }),
  remove: object({ node: NODE }),
  // The addresses get their own words (and count limit) from checkBindAddresses.
  bindTest: object({ node: NODE, addresses: listOf(anything, { max: 4096 }) }),
};

/** This computer and the nodes of its pair, over the user's own OpenSSH. */
export function createNodeHandlers(
  deps: HandlerDeps,
): FeatureHandlers<'nodes:view' | 'nodes:add' | 'nodes:remove' | 'nodes:bind-test'> {
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
  };
}
