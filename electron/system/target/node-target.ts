import type { NodeReach, RecoveryReport } from '../../contract';
import type { Destination } from '../nodes/destination';
import { acceptHostKey, scanHostKey, type HostKeyOffer, type HostKeyScan } from '../nodes/host-key';
import { bindTestOnNode } from '../nodes/node-bind-test';
import { readNodeAnswer } from '../nodes/read-node';
import {
  applyOnNode,
  probeSudo,
  recoverOnNode,
  type RemoteApplyResult,
  type SudoNeed,
} from '../nodes/remote-apply';
import type { SshSettings } from '../nodes/ssh-runner';
import { PRIVILEGED_SCRIPT } from '../privileged-script';
import { SETTINGS } from '../settings';
import type { Target, TargetRead } from './target';

/**
 * A node of the pair: read in one round trip, changed by the step through sudo. Over SSH
 * (createNodeTarget), or the demo's simulated node (electron/demo/simulated-node.ts),
 * which answers every one of these the way a real node would.
 */
export interface NodeTarget extends Target<RemoteApplyResult> {
  readonly ref: { readonly kind: 'node'; readonly node: string };
  readonly destination: Destination;
  readonly reach: NodeReach;
  /** Whether the node's sudo will want a password, asked without one. */
  probeSudo(): Promise<SudoNeed>;
  /** After a dropped Apply: lets the step resolve its intent record and says how it ended. */
  recover(): Promise<RecoveryReport | null>;
  /** The node's host key, learnt without trusting it. */
  scanHostKey(): Promise<HostKeyScan>;
  /** Trusts the key the user confirmed, as `ssh` itself records it. */
  acceptHostKey(offer: HostKeyOffer): Promise<void>;
}

/** How the pair reaches a node: `password` is its sudo password as bytes, or null. */
export type NodeConnector = (destination: Destination, password?: Buffer | null) => NodeTarget;

/** What every node target is, however it is reached: a node of the app's catalogue, by sudo. */
export function nodeTargetBase(destination: Destination, reach: NodeReach) {
  const ref = { kind: 'node', node: destination.text } as const;
  return { ref, catalogue: SETTINGS, authentication: 'sudo' as const, destination, reach };
}

/**
 * `password`: the node's sudo password as bytes, or null when sudo needs none; the caller
 * zeroes it once the Apply has ended (remote-apply.ts keeps it off argv and files).
 */
export function createNodeTarget(
  ssh: SshSettings,
  destination: Destination,
  password: Buffer | null = null,
): NodeTarget {
  return {
    ...nodeTargetBase(destination, 'ssh'),
    read: async (): Promise<TargetRead> => {
      const answer = await readNodeAnswer(ssh, destination);
      if (!answer.ok) return { ok: false, error: answer.error };
      const { snapshot, extras, elapsedMs } = answer;
      const read = { catalogue: SETTINGS, sysctl: snapshot, extras, applyFacts: null, elapsedMs };
      return { ok: true, snapshot: read };
    },
    // The step's arguments were checked when the plan was made; nothing here can refuse them.
    runStep: (args) => applyOnNode(ssh, destination, PRIVILEGED_SCRIPT, args, password),
    bindTest: (targets) => bindTestOnNode(ssh, destination, targets),
    probeSudo: () => probeSudo(ssh, destination),
    recover: () => recoverOnNode(ssh, destination, PRIVILEGED_SCRIPT, password),
    scanHostKey: () => scanHostKey(ssh, destination),
    acceptHostKey: async (offer) => {
      await acceptHostKey(ssh, destination, offer);
    },
  };
}

/** Nodes over the user's own OpenSSH with these settings. */
export function sshNodes(ssh: SshSettings): NodeConnector {
  return (destination, password = null) => createNodeTarget(ssh, destination, password);
}
