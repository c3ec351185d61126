import { namespacesView } from '../system/netns/namespace-fixes';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';

/** Every network namespace, with its kind and lasting fix (issue 18); the demo's are simulated. */
export function createNamespaceHandlers(deps: HandlerDeps): FeatureHandlers<'namespaces:list'> {
  return {
    'namespaces:list': handle('namespaces:list', noPayload, async () => {
      const answer = await deps.listNamespaces();
      if (!answer.ok) return fail({ code: answer.error.code, details: answer.error.detail });
      return succeed(namespacesView(answer, deps.target.catalogue));
    }),
  };
}
