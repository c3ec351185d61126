/**
 * The contract, the network namespaces part (issue 18): the listing as the scan gives it,
 * each namespace with the kind its lasting fix depends on and that fix as copyable commands.
 * Plain data: the renderer words it (renderer/src/words/namespace-words.ts).
 */
import type { NamespaceListing, NetworkNamespaceInfo } from '../system/netns/netns-types';
import type { CommandBlock } from './commands';

export type {
  ContainerInNamespace,
  ContainerRuntime,
  LoadBalancerInNamespace,
  LoadBalancerProgram,
  NamespaceListingTruncation,
  NamespaceListingUnseen,
  NamespaceName,
  NetworkNamespaceInfo,
} from '../system/netns/netns-types';

/**
 * What decides where a namespace's setting is kept: the app's own (the main view), a
 * container's engine, a Kubernetes pod, a name `ip netns` gave it, or only a process.
 */
export type NamespaceKind = 'own' | 'container' | 'kubernetes' | 'named' | 'process-held';

/** How the setting is changed in one namespace, by hand, as data. */
export type NamespaceFix =
  /** The app's own namespace: the main view changes and keeps it. */
  | { readonly kind: 'main-view' }
  | {
      readonly kind: 'commands';
      /** Changes the running value only: lost when the namespace or its container goes. */
      readonly now: readonly CommandBlock[];
      /** What makes it last: the container's creation flags, or a unit that repeats it. */
      readonly lasting: readonly CommandBlock[];
    }
  /** Its only name holds bytes no command line should carry: no command is offered. */
  | { readonly kind: 'unsafe-name' };

export interface NamespaceEntry extends NetworkNamespaceInfo {
  readonly kind: NamespaceKind;
  readonly fix: NamespaceFix;
}

/** The `namespaces:list` answer: every namespace with its fix, and what could not be seen. */
export interface NamespacesView extends Omit<NamespaceListing, 'ok' | 'namespaces'> {
  readonly namespaces: readonly NamespaceEntry[];
  /** The catalogue's keys, in its order: what the commands set. */
  readonly keys: readonly string[];
}
