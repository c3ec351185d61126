import path from 'node:path';
import type { ApiError } from '../contract';
import { createDirectElevator } from '../system/elevate';
import type { Destination } from '../system/nodes/destination';
import type { HostKeyOffer } from '../system/nodes/host-key';
import { failure, type RemoteApplyResult } from '../system/nodes/remote-apply';
import { nodeError } from '../system/nodes/ssh-errors';
import { SUDO_REPORT_EXIT } from '../system/nodes/sudo-launch';
import { PRIVILEGED_SCRIPT } from '../system/privileged-script';
import { readRegularText } from '../system/safe-read';
import { SETTINGS } from '../system/settings';
import type { SystemContext } from '../system/system-context';
import { readLocalSnapshot } from '../system/target/local-target';
import { nodeTargetBase, type NodeConnector, type NodeTarget } from '../system/target/node-target';
import { DEMO_NODE_ADDRESSES, DEMO_NODE_HOSTS, DEMO_NODE_KERNEL, DEMO_NODE_KEY } from './demo-node';
import { simulateBindTest } from './simulated-bind-test';

/** What the simulated node remembers between requests: whether its host key was trusted. */
export interface DemoNodeState {
  trusted: boolean;
}

const HAPROXY = '/etc/haproxy/haproxy.cfg';

/** The node's load-balancer file travels with its read, as the read script sends it. */
async function vipFiles(ctx: SystemContext) {
  const read = await readRegularText(path.join(ctx.fsRoot, HAPROXY), 64 * 1024);
  return read.kind === 'read' ? [{ path: HAPROXY, kind: 'file' as const, text: read.text }] : [];
}

/** A step run on the node's files, answered in the words an ssh + sudo session would give. */
async function runOnNode(
  ctx: SystemContext,
  node: string,
  args: readonly string[],
  password: Buffer | null,
): Promise<RemoteApplyResult> {
  // The simulated sudo wants a password, as most nodes' sudo does; any non-empty one is right.
  if (password === null || password.length === 0)
    return failure('password-needed', SUDO_REPORT_EXIT, false, nodeError('password-needed', node));
  const run = await createDirectElevator(ctx.fsRoot, PRIVILEGED_SCRIPT).runStep(args, []);
  if (run.kind === 'not-elevated') return failure('step-failed', null, false, run.error);
  if (run.exitCode === 0) return { ok: true, output: run.stdout.trim(), waited: false };
  const detail = (/nonlocal-bind: (.*)/.exec(run.stderr)?.[1] ?? run.stderr).slice(0, 300);
  const error = nodeError('step-failed', node, { stage: 'apply', exit: run.exitCode, detail });
  return failure('step-failed', run.exitCode, false, error);
}

/** A node no simulated network knows: ssh's own answer for a name, or for an address. */
function unknownNode(destination: Destination): NodeTarget {
  const ip = /^[0-9.]+$|:/.test(destination.host);
  const error: ApiError = ip
    ? nodeError('unreachable', destination.text, { detail: 'No route to host (simulated)' })
    : nodeError('dns', destination.text);
  const failure = { ok: false, error } as const;
  const kind = ip ? ('unreachable' as const) : ('dns' as const);
  return {
    ...nodeTargetBase(destination, 'simulated'),
    read: () => Promise.resolve(failure),
    runStep: () =>
      Promise.resolve({ ok: false, kind, exitCode: 255, waiting: false, error } as const),
    bindTest: () => Promise.resolve(failure),
    probeSudo: () => Promise.resolve({ ok: false, kind, error } as const),
    recover: () => Promise.resolve(null),
    scanHostKey: () => Promise.resolve({ ok: false, failure: { kind, error } } as const),
    acceptHostKey: () => Promise.resolve(),
  };
}

/**
 * The demo's second node as a Target of the node kind: its files below `nodeRoot`, its
 * host key unknown until the user trusts it, its sudo asking for a password, its bind test
 * simulated over its own addresses. Nothing here opens a connection.
 */
export function simulatedNodes(nodeRoot: string, state: DemoNodeState): NodeConnector {
  const ctx: SystemContext = { fsRoot: nodeRoot, platform: 'linux' };
  const offer: HostKeyOffer = { lines: [DEMO_NODE_KEY.line], fingerprints: [DEMO_NODE_KEY.print] };
  return (destination, password = null) => {
    if (!DEMO_NODE_HOSTS.includes(destination.host)) return unknownNode(destination);
    const node = destination.text;
    const hostKeyUnknown = { ok: false, error: nodeError('host-key-unknown', node) } as const;
    return {
      ...nodeTargetBase(destination, 'simulated'),
      read: async () => {
        if (!state.trusted) return hostKeyUnknown;
        const started = performance.now();
        const sysctl = { ...(await readLocalSnapshot(ctx)), kernel: DEMO_NODE_KERNEL };
        const extras = { vipFiles: await vipFiles(ctx), addresses: DEMO_NODE_ADDRESSES };
        const elapsedMs = performance.now() - started;
        return {
          ok: true,
          snapshot: { catalogue: SETTINGS, sysctl, extras, applyFacts: null, elapsedMs },
        };
      },
      runStep: (args) => runOnNode(ctx, node, args, password),
      bindTest: async (targets) => {
        if (!state.trusted) return hostKeyUnknown;
        const one = (t: (typeof targets)[number]) => simulateBindTest(ctx, t, DEMO_NODE_ADDRESSES);
        return { ok: true, value: await Promise.all(targets.map(one)) };
      },
      probeSudo: () => Promise.resolve({ ok: true, needsPassword: true }),
      // The simulated step runs to its end: there is never a dropped session to recover.
      recover: () => Promise.resolve(null),
      scanHostKey: () => Promise.resolve({ ok: true, offer }),
      acceptHostKey: () => {
        state.trusted = true;
        return Promise.resolve();
      },
    };
  };
}
