import type { AddressFamily, SettingId } from '../contract';
import type {
  ContainerInNamespace,
  NamespaceListing,
  NamespaceVip,
  NetworkNamespaceInfo,
} from '../system/netns/netns-types';

/**
 * The demo's network namespaces: simulated listings, never a scan of this computer's /proc
 * (the demo shows a story, not the machine it runs on). Inodes, pids and ids are made up
 * in the shapes the real scan gives.
 */

const OWN_INODE = 4026531840;

const NOTHING_UNSEEN: NamespaceListing['unseen'] = {
  processes: {},
  exitedDuringScan: 0,
  processesHidden: false,
  cgroups: {},
  nameDirectories: [],
  namedEntries: [],
};

function listing(namespaces: readonly NetworkNamespaceInfo[], processes: number): NamespaceListing {
  return {
    ok: true,
    ownInode: OWN_INODE,
    namespaces,
    unseen: NOTHING_UNSEEN,
    truncated: [],
    scannedProcesses: processes,
    elapsedMs: 4.2,
    scannedOn: 'worker',
  };
}

const ownNamespace = (extra: Partial<NetworkNamespaceInfo> = {}): NetworkNamespaceInfo => ({
  inode: OWN_INODE,
  own: true,
  names: [],
  processCount: 143,
  samplePids: [1, 412, 415, 508],
  loadBalancers: [],
  containers: [],
  ...extra,
});

/** Every scenario without a story of its own: the computer's one namespace. */
export const OWN_NAMESPACE_ONLY: NamespaceListing = listing([ownNamespace()], 143);

const WEB_LB_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const METRICS_ID = '5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

const dockerContainer = (
  id: string,
  name: string,
  hostNetwork: boolean,
  processCount: number,
): ContainerInNamespace => ({
  runtime: 'docker',
  id,
  shortId: id.slice(0, 12),
  kubernetes: false,
  podUid: null,
  name: { name, source: 'docker-config' },
  hostNetwork,
  processCount,
});

/** Where the official haproxy image keeps its configuration, inside the container's root. */
const HAPROXY_CFG = '/usr/local/etc/haproxy/haproxy.cfg';

const vipIn =
  (file: string) =>
  (
    address: string,
    port: number,
    family: AddressFamily,
    line: number,
    needs: SettingId | null,
  ): NamespaceVip => ({ address, port, family, file, line, assignedThere: false, needs });
const haproxyVip = vipIn(HAPROXY_CFG);

/**
 * HAProxy in a Docker container on a bridge network, beside a host-network exporter and a
 * lab namespace made with `ip netns add`: the host has the settings on, the container's
 * network starts with its own, off, and its HAProxy binds 192.0.2.10 and 2001:db8::10,
 * which the container does not hold: it will fail to start until the setting is on there.
 */
export const DOCKER_HAPROXY_NAMESPACES: NamespaceListing = listing(
  [
    ownNamespace({
      processCount: 151,
      containers: [dockerContainer(METRICS_ID, 'node-exporter', true, 1)],
    }),
    {
      inode: 4026532601,
      own: false,
      names: [],
      processCount: 3,
      samplePids: [24817, 24853, 24854],
      loadBalancers: [
        {
          program: 'haproxy',
          pids: [24853, 24854],
          vips: [
            haproxyVip('192.0.2.10', 80, 'IPv4', 14, 'ipv4'),
            haproxyVip('2001:db8::10', 80, 'IPv6', 15, 'ipv6'),
            haproxyVip('0.0.0.0', 8404, 'IPv4', 22, null),
          ],
          configProblem: null,
          configFiles: [HAPROXY_CFG],
        },
      ],
      containers: [dockerContainer(WEB_LB_ID, 'web-lb', false, 3)],
      // Started without --sysctl: a change made inside is gone when it restarts.
      lasting: { kind: 'resets-on-restart' },
    },
    {
      inode: 4026532710,
      own: false,
      names: [{ source: 'ip-netns', name: 'lab', escaped: false }],
      processCount: 0,
      samplePids: [],
      loadBalancers: [],
      containers: [],
      lasting: { kind: 'resets-on-restart' },
    },
  ],
  155,
);

const EDGE_INODE = 4026532815;
const SIDECAR_INODE = 4026532904;

/**
 * Nginx in a namespace made with `ip netns add edge`, where someone already ran
 * `ip netns exec edge sysctl -w net.ipv4.ip_nonlocal_bind=1`, and Envoy in a namespace only
 * its process holds (the app does not read Envoy's configuration): looking inside finds
 * nothing that will fail, and says what it could not know.
 */
export const NETNS_NGINX_NAMESPACES: NamespaceListing = listing(
  [
    ownNamespace(),
    {
      inode: EDGE_INODE,
      own: false,
      names: [{ source: 'ip-netns', name: 'edge', escaped: false }],
      processCount: 2,
      samplePids: [3120, 3121],
      loadBalancers: [
        {
          program: 'nginx',
          pids: [3120, 3121],
          vips: [vipIn('/etc/nginx/sites-enabled/edge')('198.51.100.20', 443, 'IPv4', 3, 'ipv4')],
          configProblem: null,
          configFiles: ['/etc/nginx/nginx.conf', '/etc/nginx/sites-enabled/edge'],
        },
      ],
      containers: [],
      lasting: { kind: 'resets-on-restart' },
    },
    {
      inode: SIDECAR_INODE,
      own: false,
      names: [],
      processCount: 1,
      samplePids: [4410],
      loadBalancers: [
        {
          program: 'envoy',
          pids: [4410],
          vips: [],
          configProblem: { code: 'unparsable', file: null, reason: 'not-parsed' },
        },
      ],
      containers: [],
      lasting: { kind: 'resets-on-restart' },
    },
  ],
  146,
);

/** What the demo finds inside one of its namespaces: running values (absent: 0) and addresses. */
export interface SimulatedNamespaceInside {
  readonly values: Readonly<Record<string, 0 | 1>>;
  readonly addresses: readonly string[];
}

/**
 * Inside the simulated namespaces, by inode (unique across the scenarios): a new network
 * namespace starts with the settings off, so only the addresses its interfaces hold are
 * listed. The app's own namespace is never read from here (the main view reads it).
 */
export const DEMO_INSIDE: ReadonlyMap<number, SimulatedNamespaceInside> = new Map<
  number,
  SimulatedNamespaceInside
>([
  [4026532601, { values: {}, addresses: ['172.17.0.2', 'fe80::42:acff:fe11:2'] }],
  [4026532710, { values: {}, addresses: ['10.200.0.1'] }],
  [EDGE_INODE, { values: { ipv4: 1 }, addresses: ['10.0.3.2'] }],
  [SIDECAR_INODE, { values: {}, addresses: ['10.88.0.7'] }],
]);
