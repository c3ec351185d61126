import type { NamespacesView, WillFailFinding } from '../contract';
import { createSimulatedInside, type InsideNamespaces } from '../demo/demo-namespace-inside';
import { willFailFindings } from '../system/netns/namespace-findings';
import { namespacesView } from '../system/netns/namespace-fixes';
import type { NamespaceReading } from '../system/netns/namespace-step-types';
import type { NamespaceListing, NetworkNamespaceInfo } from '../system/netns/netns-types';
import type { HandlerDeps } from './deps';

/**
 * Where reading, changing and binding inside other namespaces happen: this computer's step
 * through its elevator (polkit once per call, or root directly), or the demo's simulation,
 * which never touches a real namespace.
 */
export function insideNamespacesOf(deps: HandlerDeps): InsideNamespaces {
  if (deps.demo !== null) return createSimulatedInside(deps.target.catalogue);
  // Until the step's namespace operation lands (netns/namespace-step.ts), say so plainly.
  const notYet = {
    ok: false as const,
    error: { code: 'internal-error' as const, details: 'no step operation for namespaces yet' },
  };
  return {
    read: () => Promise.resolve(notYet),
    set: () => Promise.resolve(notYet),
    bindTest: () => Promise.resolve(notYet),
  };
}

/** What will fail to start in one namespace, with what was read inside it (null: not read). */
export function findingsIn(
  info: NetworkNamespaceInfo,
  reading: NamespaceReading | null,
): readonly WillFailFinding[] {
  return willFailFindings(info, reading);
}

/** The `namespaces:list` answer: each namespace with its fix and its findings before any read. */
export function namespacesViewFor(deps: HandlerDeps, listing: NamespaceListing): NamespacesView {
  const view = namespacesView(listing, deps.target.catalogue);
  return {
    ...view,
    namespaces: view.namespaces.map((entry) => ({ ...entry, findings: findingsIn(entry, null) })),
    insideAuthentication: deps.target.authentication === 'polkit' ? 'asks' : 'none',
  };
}
