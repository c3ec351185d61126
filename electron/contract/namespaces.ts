/**
 * The contract, the network namespaces part (issue 18): the listing as the scan gives it,
 * each namespace with the kind its lasting fix depends on and that fix as copyable commands.
 * Plain data: the renderer words it (renderer/src/words/namespace-words.ts).
 */
import type { NamespaceReading } from '../system/netns/namespace-step-types';
import type {
  NamespaceListing,
  NetworkNamespaceInfo,
  WillFailFinding,
} from '../system/netns/netns-types';
import type { BindTestResult, SettingValues } from './changes';
import type { CommandBlock } from './commands';

export type { NamespaceReading, NamespaceReadProblem } from '../system/netns/namespace-step-types';

export type {
  ConfigProblem,
  ContainerInNamespace,
  ContainerRuntime,
  LoadBalancerInNamespace,
  NamespaceLasting,
  NamespaceVip,
  LoadBalancerProgram,
  NamespaceListingTruncation,
  NamespaceListingUnseen,
  NamespaceName,
  NetworkNamespaceInfo,
  WillFailFinding,
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
  /** What will fail to start there, as far as known without reading inside. */
  readonly findings?: readonly WillFailFinding[];
  /**
   * The app has a way in for reading and changing inside it (a process seen there, or an
   * `ip netns` name the step takes); never true for the app's own.
   */
  readonly canEnter?: boolean;
}

/** The `namespaces:list` answer: every namespace with its fix, and what could not be seen. */
export interface NamespacesView extends Omit<NamespaceListing, 'ok' | 'namespaces'> {
  readonly namespaces: readonly NamespaceEntry[];
  /** The catalogue's keys, in its order: what the commands set. */
  readonly keys: readonly string[];
  /**
   * What reading or changing inside another namespace asks for: 'asks', polkit's password
   * dialog once per action; 'none', the app runs as root or serves the demo.
   */
  readonly insideAuthentication?: 'asks' | 'none';
}

/** `namespaces:read-inside`: the namespaces to read, by inode; main finds how to enter each. */
export interface ReadInsideRequest {
  readonly inodes: readonly number[];
}

export interface ReadInsideResult {
  /** One per inode asked, in that order. */
  readonly readings: readonly NamespaceReading[];
  readonly elapsedMs: number;
  /** Runs of the step it took (one up to 64 namespaces; each run authenticates once). */
  readonly runs?: number;
  /** Every finding in the namespaces read, with the values just read. */
  readonly findings?: readonly WillFailFinding[];
}

/** `namespaces:set`: running values to set inside one namespace other than the app's own. */
export interface SetInsideRequest {
  readonly inode: number;
  readonly values: SettingValues;
}

export interface SetInsideResult {
  /** Read back inside after the write. */
  readonly reading: NamespaceReading;
  /** That namespace's findings with the values read back. */
  readonly findings?: readonly WillFailFinding[];
}

/** `namespaces:bind-test`: binds `address` (port 0) inside that namespace. */
export interface NamespaceBindTestRequest {
  readonly inode: number;
  readonly address: string;
}

export interface NamespaceBindTestResult {
  /** The namespace it ran in. */
  readonly inode: number;
  readonly results: readonly BindTestResult[];
}
