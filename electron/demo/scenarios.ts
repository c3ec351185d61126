import { mkdtemp, mkdir, rm, writeFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FILE_NAME } from '../system/file-name';
import type { DemoElevation } from './demo-elevator';

/** A file in a simulated system; `link` makes a symlink instead of a regular file. */
export type DemoEntry =
  { readonly content: string } | { readonly link: string } | { readonly dir: true };

export interface DemoScenario {
  readonly name: string;
  readonly summary: string;
  /** Paths are absolute system paths, laid out below a temporary root. */
  readonly entries: Readonly<Record<string, DemoEntry>>;
  /** How asking for administrator rights ends; absent: granted (the step runs on the demo files). */
  readonly elevation?: DemoElevation;
  /** Shown in the demo banner when the scenario simulates something the files cannot show. */
  readonly note?: string;
}

const DEBIAN_SYSCTL_CONF =
  '# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n';

const HEADER =
  '# Written by Nonlocal Bind. Lets services such as HAProxy, Nginx or Keepalived\n' +
  '# bind to a virtual IP before this node holds it. See ip_nonlocal_bind in\n' +
  '# the kernel ip-sysctl documentation.\n';

// Documentation ranges only (RFC 5737, RFC 3849): never real addresses.
const HAPROXY_CFG = `global
    daemon

frontend web
    bind 192.0.2.10:80
    bind [2001:db8::10]:443 ssl crt /etc/haproxy/site.pem
    default_backend app

backend app
    server app1 127.0.0.1:8080
`;

const KEEPALIVED_CONF = `vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24 dev eth0
        192.0.2.11
    }
}
`;

const NGINX_VIP_CONF = `server {
    listen 192.0.2.12:8443;
    listen [2001:db8::12]:8443;
    return 204;
}
`;

function baseSystem(ipv4: string, ipv6: string | null): Record<string, DemoEntry> {
  const entries: Record<string, DemoEntry> = {
    '/proc/sys/net/ipv4/ip_nonlocal_bind': { content: ipv4 },
    '/etc/sysctl.d': { dir: true },
    '/etc/sysctl.d/99-sysctl.conf': { link: '../sysctl.conf' },
    '/etc/sysctl.conf': { content: DEBIAN_SYSCTL_CONF },
    '/usr/lib/sysctl.d/50-pid-max.conf': { content: 'kernel.pid_max = 4194304\n' },
  };
  if (ipv6 !== null) entries['/proc/sys/net/ipv6/ip_nonlocal_bind'] = { content: ipv6 };
  return entries;
}

/** Every simulated system the preview and the app can serve with `--demo NAME`. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'fresh',
    summary: 'A new install: both settings off.',
    entries: baseSystem('0\n', '0\n'),
  },
  { name: 'enabled', summary: 'Both settings on.', entries: baseSystem('1\n', '1\n') },
  {
    name: 'enabled-runtime-only',
    summary: 'IPv4 turned on for this session only: no file keeps it after a restart.',
    entries: baseSystem('1\n', '0\n'),
  },
  {
    name: 'persisted',
    summary: 'IPv4 on now and at every boot, from the app’s own file.',
    entries: {
      ...baseSystem('1\n', '0\n'),
      [`/etc/sysctl.d/${DEFAULT_FILE_NAME}`]: {
        content: `${HEADER}net.ipv4.ip_nonlocal_bind = 1\n`,
      },
    },
  },
  {
    name: 'drift',
    summary: 'A file says on at boot, but someone turned it off by hand since.',
    entries: {
      ...baseSystem('0\n', '0\n'),
      '/etc/sysctl.d/60-haproxy.conf': {
        content: '# HAProxy VIP failover\nnet.ipv4.ip_nonlocal_bind = 1\n',
      },
    },
  },
  {
    name: 'conflict-sysctl-conf',
    summary: 'systemd-sysctl and sysctl --system disagree: /etc/sysctl.conf turns IPv4 off again.',
    entries: {
      ...baseSystem('1\n', '0\n'),
      '/etc/sysctl.d/99-zz-ha.conf': { content: 'net.ipv4.ip_nonlocal_bind = 1\n' },
      '/etc/sysctl.conf': { content: `${DEBIAN_SYSCTL_CONF}net.ipv4.ip_nonlocal_bind = 0\n` },
    },
  },
  {
    name: 'no-ipv6',
    summary: 'IPv6 disabled in the kernel: /proc/sys/net/ipv6 is missing.',
    entries: baseSystem('0\n', null),
  },
  {
    name: 'readonly-proc',
    summary: 'A container whose /proc/sys is read-only: changing a value now fails.',
    entries: baseSystem('0\n', '0\n'),
    elevation: 'readonly-proc',
    note: 'Simulated: /proc/sys is read-only, as in a container, so Apply fails.',
  },
  {
    name: 'auth-denied',
    summary: 'The administrator password prompt is refused or cancelled.',
    entries: baseSystem('0\n', '0\n'),
    elevation: 'auth-denied',
    note: 'Simulated: the password prompt is refused, so Apply changes nothing.',
  },
  {
    name: 'no-polkit-agent',
    summary: 'No polkit authentication agent runs (SSH, bare window manager): nobody can ask.',
    entries: baseSystem('0\n', '0\n'),
    elevation: 'no-polkit-agent',
    note: 'Simulated: no polkit authentication agent is running, so Apply cannot ask.',
  },
  {
    name: 'no-pkexec',
    summary: 'pkexec is not installed, so the app cannot ask for administrator rights.',
    entries: baseSystem('0\n', '0\n'),
    elevation: 'no-pkexec',
    note: 'Simulated: pkexec is not installed, so Apply cannot ask for rights.',
  },
  {
    name: 'vips-found',
    summary: 'HAProxy, Keepalived and Nginx configs name virtual IPs this node does not hold yet.',
    entries: {
      ...baseSystem('0\n', '0\n'),
      '/etc/haproxy/haproxy.cfg': { content: HAPROXY_CFG },
      '/etc/keepalived/keepalived.conf': { content: KEEPALIVED_CONF },
      '/etc/nginx/nginx.conf': {
        content: 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      },
      '/etc/nginx/conf.d/vip.conf': { content: NGINX_VIP_CONF },
    },
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
export async function createDemoRoot(scenario: DemoScenario): Promise<DemoRoot> {
  const fsRoot = await mkdtemp(path.join(os.tmpdir(), `nonlocal-bind-demo-${scenario.name}-`));
  for (const [systemPath, entry] of Object.entries(scenario.entries)) {
    const target = path.join(fsRoot, systemPath);
    if ('dir' in entry) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    if ('link' in entry) await symlink(entry.link, target);
    else await writeFile(target, entry.content);
  }
  return { fsRoot, dispose: () => rm(fsRoot, { recursive: true, force: true }) };
}
