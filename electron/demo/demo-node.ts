import path from 'node:path';
import { layEntries } from './demo-layout';
import { baseSystem, type DemoEntry } from './scenarios';

/**
 * The demo's second node of the pair, "lb-2": a standby HAProxy whose IPv4 setting was
 * turned on by hand (lost at the next boot) and whose IPv6 setting is off, so every
 * scenario shows differences, a host key to confirm, sudo and "make alike".
 */
export const DEMO_NODE_NAME = 'lb-2';
export const DEMO_NODE_HOSTS: readonly string[] = [DEMO_NODE_NAME, '192.0.2.3'];

/** Its interface addresses (documentation ranges), so its bind test tells its own from a VIP. */
export const DEMO_NODE_ADDRESSES: readonly string[] = ['192.0.2.3', '2001:db8::3'];

export const DEMO_NODE_KERNEL = '6.1.0-28-amd64';

/** Its host key as known_hosts and `ssh-keygen -l` would show it (a made-up key). */
export const DEMO_NODE_KEY = {
  line: 'lb-2 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoDemoDemoDemoDemoDemoDemoDemoDemoDemoDemo',
  print: '256 SHA256:dEm0n0dEkEyLb2SiMuLaTeDfInGeRpRiNtF0rThEdEm0 lb-2 (ED25519)',
} as const;

const NODE_ENTRIES: Readonly<Record<string, DemoEntry>> = {
  ...baseSystem({ ipv4: '1\n' }),
  '/etc/haproxy/haproxy.cfg': {
    content: 'frontend www\n  bind 192.0.2.10:80\n  default_backend app\n',
  },
};

/** Where the node lives inside the demo's temporary root, and the demo's node list. */
export function demoNodePaths(demoRoot: string): { nodeRoot: string; storeFile: string } {
  return {
    nodeRoot: path.join(demoRoot, 'demo-nodes', 'lb-2'),
    storeFile: path.join(demoRoot, 'demo-nodes', 'node-list'),
  };
}

/** Lays the node's simulated files out below the demo's root; its node list starts empty. */
export async function layDemoNode(demoRoot: string): Promise<void> {
  await layEntries(demoNodePaths(demoRoot).nodeRoot, NODE_ENTRIES);
}
