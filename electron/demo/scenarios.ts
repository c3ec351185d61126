import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DemoScenarioName, SettingId } from '../contract';
import type { NamespaceListing } from '../system/netns/netns-types';
import { PRIVILEGED_SCRIPT } from '../system/privileged-script';
import { SETTINGS, type Catalogue } from '../system/settings';
import { HELPER_PATH } from '../system/step-helper';
import { DOCKER_HAPROXY_NAMESPACES, NETNS_NGINX_NAMESPACES } from './demo-namespaces';
import { layEntries, type DemoEntry } from './demo-layout';

export type { DemoEntry } from './demo-layout';

/** Elevation outcomes a scenario can simulate, as the real chain reports them. */
export type SimulatedElevation = 'auth-denied' | 'no-polkit-agent' | 'no-pkexec' | 'readonly-proc';

export interface DemoScenario {
  readonly name: DemoScenarioName;
  readonly summary: string;
  /** Paths are absolute system paths, laid out below a temporary root. */
  readonly entries: Readonly<Record<string, DemoEntry>>;
  /** How "elevation" answers in this scenario; absent means it applies to the simulated files. */
  readonly elevation?: SimulatedElevation;
  /** The network namespaces the demo shows; absent: the computer's own one only. */
  readonly namespaces?: NamespaceListing;
}

const DEBIAN_SYSCTL_CONF =
  '# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n';

const HEADER =
  '# Written by Nonlocal Bind. Lets services such as HAProxy, Nginx or Keepalived\n' +
  '# bind to a virtual IP before this node holds it. See ip_nonlocal_bind in\n' +
  '# the kernel ip-sysctl documentation.\n';

/** Which tools the simulated computer has; the diagnostics report must match the scenario's story. */
interface SimulatedTools {
  readonly pkexec: boolean;
  readonly agent: boolean;
  /**
   * The deb/rpm package's step helper (docs/polkit-action.md), byte for byte this version's,
   * so the real helper check finds it. The packages depend on pkexec, so a computer without
   * pkexec runs the app some other way (an AppImage) and has no helper either.
   */
  readonly helper: boolean;
}

const TOOL_STUB = '#!/bin/sh\n# Stand-in of the demo: never run.\nexit 1\n';

function simulatedTools(tools: SimulatedTools): Record<string, DemoEntry> {
  const entries: Record<string, DemoEntry> = {
    '/usr/sbin/sysctl': { content: TOOL_STUB, executable: true },
  };
  if (tools.pkexec) entries['/usr/bin/pkexec'] = { content: TOOL_STUB, executable: true };
  // Never run in the demo either: its "elevation" is simulated or direct.
  if (tools.helper) entries[HELPER_PATH] = { content: PRIVILEGED_SCRIPT, executable: true };
  // A desktop session's authentication agent, as /proc/PID/comm names it.
  if (tools.agent) entries['/proc/2417/comm'] = { content: 'polkit-gnome-au\n' };
  return entries;
}

/**
 * A simulated Debian 12 whose catalogued settings run with `values` (a setting left out
 * runs with 0, as in a fresh kernel; null: its file is missing with its directory, as
 * when IPv6 is disabled).
 */
export function baseSystem(
  values: Readonly<Record<SettingId, string | null>> = {},
  tools: SimulatedTools = { pkexec: true, agent: true, helper: true },
): Record<string, DemoEntry> {
  const entries: Record<string, DemoEntry> = {
    ...simulatedTools(tools),
    // Debian 12's kernel: the diagnostics report shows it instead of this machine's.
    '/proc/sys/kernel/osrelease': { content: '6.1.0-28-amd64\n' },
    '/etc/sysctl.d': { dir: true },
    '/etc/sysctl.d/99-sysctl.conf': { link: '../sysctl.conf' },
    '/etc/sysctl.conf': { content: DEBIAN_SYSCTL_CONF },
    '/usr/lib/sysctl.d/50-pid-max.conf': { content: 'kernel.pid_max = 4194304\n' },
    '/etc/os-release': {
      content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm) (simulated)"\nID=debian\n',
    },
  };
  for (const setting of SETTINGS) {
    const value = values[setting.id] === undefined ? '0\n' : values[setting.id];
    if (typeof value === 'string') entries[setting.procPath] = { content: value };
  }
  return entries;
}

/**
 * A catalogue's settings the scenario leaves out run with 0 where their /proc/sys directory
 * is simulated (a fresh kernel), so a catalogue with more settings runs on every scenario.
 */
function withCatalogue(
  entries: Readonly<Record<string, DemoEntry>>,
  catalogue: Catalogue,
): Record<string, DemoEntry> {
  const all: Record<string, DemoEntry> = { ...entries };
  const paths = Object.keys(entries);
  for (const { procPath } of catalogue) {
    const dir = `${path.posix.dirname(procPath)}/`;
    if (!(procPath in all) && paths.some((p) => p.startsWith(dir)))
      all[procPath] = { content: '0\n' };
  }
  return all;
}

/** /proc/self/mountinfo as Docker lays it out: the app reads /proc/sys's flags from it. */
const CONTAINER_MOUNTINFO = [
  '598 521 0:52 / / rw,relatime master:290 - overlay overlay rw,lowerdir=/var/lib/docker/l',
  '599 598 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw',
  '609 599 0:55 /sys /proc/sys ro,nosuid,nodev,noexec,relatime - proc proc rw',
  '',
].join('\n');

/**
 * The simulated machine's own interface addresses (documentation ranges, RFC 5737 and
 * 3849), so the demo bind test can tell "this computer's" from a virtual IP.
 */
export const DEMO_OWN_ADDRESSES: readonly string[] = ['192.0.2.2', '2001:db8::2'];

/** Both settings on, now and at every boot, from the app's own file. */
const BOTH_ON: Readonly<Record<string, DemoEntry>> = {
  ...baseSystem({ ipv4: '1\n', ipv6: '1\n' }),
  '/etc/sysctl.d/90-nonlocal-bind.conf': {
    content: `${HEADER}net.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n`,
  },
};

/** Every simulated system the preview and the app can serve with `--demo NAME`. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'fresh',
    summary: 'A new install: both settings off.',
    entries: baseSystem(),
  },
  {
    name: 'enabled',
    summary: 'Both settings on, now and at every boot, from the app’s own file.',
    entries: BOTH_ON,
  },
  {
    name: 'enabled-runtime-only',
    summary: 'IPv4 turned on for this session only: no file keeps it at the next boot.',
    entries: baseSystem({ ipv4: '1\n' }),
  },
  {
    name: 'persisted',
    summary: 'IPv4 on now and at every boot, from the app’s own file.',
    entries: {
      ...baseSystem({ ipv4: '1\n' }),
      '/etc/sysctl.d/90-nonlocal-bind.conf': {
        content: `${HEADER}net.ipv4.ip_nonlocal_bind = 1\n`,
      },
    },
  },
  {
    name: 'drift',
    summary: 'A file says on at boot, but someone turned it off by hand since.',
    entries: {
      ...baseSystem(),
      '/etc/sysctl.d/60-haproxy.conf': {
        content: '# HAProxy VIP failover\nnet.ipv4.ip_nonlocal_bind = 1\n',
      },
    },
  },
  {
    name: 'conflict-sysctl-conf',
    summary: 'systemd-sysctl and sysctl --system disagree: /etc/sysctl.conf turns IPv4 off again.',
    entries: {
      ...baseSystem({ ipv4: '1\n' }),
      '/etc/sysctl.d/99-zz-ha.conf': { content: 'net.ipv4.ip_nonlocal_bind = 1\n' },
      '/etc/sysctl.conf': { content: `${DEBIAN_SYSCTL_CONF}net.ipv4.ip_nonlocal_bind = 0\n` },
    },
  },
  {
    name: 'vips-found',
    summary:
      'A standby load balancer: HAProxy, Keepalived and Nginx name virtual IPs this node does not hold.',
    entries: {
      ...baseSystem(),
      '/etc/haproxy/haproxy.cfg': {
        content:
          'global\n  log /dev/log local0\n\nfrontend www\n  bind 192.0.2.10:80\n  bind [2001:db8::10]:443 ssl crt /etc/haproxy/site.pem\n  default_backend app\n',
      },
      '/etc/keepalived/keepalived.conf': {
        content:
          'vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    192.0.2.10/24 dev eth0\n  }\n}\n',
      },
      '/etc/nginx/nginx.conf': { content: 'http {\n  include /etc/nginx/conf.d/*.conf;\n}\n' },
      '/etc/nginx/conf.d/status.conf': {
        content: 'server {\n  listen 192.0.2.11:8080;\n  listen 80;\n}\n',
      },
    },
  },
  {
    name: 'docker-haproxy',
    summary:
      'Docker HAProxy, setting off in its network: on for this computer, but the container web-lb has a network of its own.',
    entries: BOTH_ON,
    namespaces: DOCKER_HAPROXY_NAMESPACES,
  },
  {
    name: 'netns-nginx',
    summary:
      'Nginx in an ip netns namespace that already has IPv4 on, and Envoy in a namespace only its process holds; this computer has both settings off.',
    entries: baseSystem(),
    namespaces: NETNS_NGINX_NAMESPACES,
  },
  {
    name: 'readonly-proc',
    summary:
      'Inside a container whose /proc/sys is read-only: the settings cannot be changed here.',
    entries: {
      ...baseSystem(),
      // The mounts a Docker container shows: its /proc/sys is bound read-only over /proc.
      '/proc/self/mountinfo': { content: CONTAINER_MOUNTINFO },
    },
    elevation: 'readonly-proc',
  },
  {
    name: 'auth-denied',
    summary: 'Simulated: the administrator password dialog is cancelled or refused.',
    entries: baseSystem(),
    elevation: 'auth-denied',
  },
  {
    name: 'no-polkit-agent',
    summary: 'Simulated: no polkit authentication agent is running (for example over SSH).',
    entries: baseSystem({}, { pkexec: true, agent: false, helper: true }),
    elevation: 'no-polkit-agent',
  },
  {
    name: 'no-pkexec',
    summary: 'Simulated: pkexec is not installed.',
    entries: baseSystem({}, { pkexec: false, agent: true, helper: false }),
    elevation: 'no-pkexec',
  },
  {
    name: 'no-ipv6',
    summary: 'IPv6 disabled in the kernel: /proc/sys/net/ipv6 is missing.',
    entries: baseSystem({ ipv6: null }),
  },
];

export function findDemoScenario(name: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.name === name);
}

export interface DemoRoot {
  readonly fsRoot: string;
  dispose(): Promise<void>;
}

/** Lays a scenario out in a fresh temporary directory; nothing outside it is read or written. */
export async function createDemoRoot(
  scenario: DemoScenario,
  catalogue: Catalogue = SETTINGS,
): Promise<DemoRoot> {
  const fsRoot = await mkdtemp(path.join(os.tmpdir(), `nonlocal-bind-demo-${scenario.name}-`));
  await layEntries(fsRoot, withCatalogue(scenario.entries, catalogue));
  return { fsRoot, dispose: () => rm(fsRoot, { recursive: true, force: true }) };
}
