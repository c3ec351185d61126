import type { Destination } from '../nodes/destination';
import { bindTestOnNode } from '../nodes/node-bind-test';
import { readNodeAnswer } from '../nodes/read-node';
import { applyOnNode, type RemoteApplyResult } from '../nodes/remote-apply';
import type { SshSettings } from '../nodes/ssh-runner';
import { PRIVILEGED_SCRIPT } from '../privileged-script';
import { SETTINGS } from '../settings';
import type { Target, TargetRead } from './target';

/** An SSH node: read in one round trip by the read script, changed by the step through sudo. */
export interface NodeTarget extends Target<RemoteApplyResult> {
  readonly ref: { readonly kind: 'node'; readonly node: string };
  readonly ssh: SshSettings;
  readonly destination: Destination;
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
    ref: { kind: 'node', node: destination.text },
    catalogue: SETTINGS,
    authentication: 'sudo',
    ssh,
    destination,
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
  };
}
