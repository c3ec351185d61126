import { expect, test } from '@playwright/test';
import { DOCKER_HAPROXY_NAMESPACES } from '../../electron/demo/demo-namespaces';
import { namespacesView } from '../../electron/system/netns/namespace-fixes';
import type {
  ContainerInNamespace,
  NamespaceListing,
  NetworkNamespaceInfo,
} from '../../electron/system/netns/netns-types';
import { SETTINGS, type Catalogue } from '../../electron/system/settings';

/**
 * Each namespace's kind and fixes (issue 18, step 3), as data from the catalogue: the
 * container engines' creation flags, the pod spec with the kubelet's allow-list, `ip netns
 * exec` with a unit that repeats it, and nsenter for the running value only.
 */

const KEYS = 'net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1';

const container = (patch: Partial<ContainerInNamespace> = {}): ContainerInNamespace => ({
  runtime: 'docker',
  id: 'f'.repeat(64),
  shortId: 'f'.repeat(12),
  kubernetes: false,
  podUid: null,
  name: null,
  hostNetwork: false,
  processCount: 1,
  ...patch,
});

const ns = (inode: number, patch: Partial<NetworkNamespaceInfo> = {}): NetworkNamespaceInfo => ({
  inode,
  own: false,
  names: [],
  processCount: 1,
  samplePids: [700 + inode],
  loadBalancers: [],
  containers: [],
  ...patch,
});

function view(namespaces: NetworkNamespaceInfo[], catalogue: Catalogue = SETTINGS) {
  const listing: NamespaceListing = { ...DOCKER_HAPROXY_NAMESPACES, namespaces };
  return namespacesView(listing, catalogue).namespaces;
}

test('every kind gets its own fix; the app own namespace is the main view', () => {
  const [own, docker, pod, podman, named, held, hostOnly] = view([
    ns(1, { own: true, containers: [container({ hostNetwork: true })] }),
    ns(2, { containers: [container()] }),
    ns(3, { containers: [container({ runtime: 'containerd', kubernetes: true })] }),
    ns(4, { containers: [container({ runtime: 'podman' })] }),
    ns(5, { names: [{ source: 'ip-netns', name: 'blue', escaped: false }] }),
    ns(6),
    ns(7, { containers: [container({ hostNetwork: true })] }),
  ]);
  expect(own).toMatchObject({ kind: 'own', fix: { kind: 'main-view' } });
  expect(docker?.kind).toBe('container');
  expect(pod?.kind).toBe('kubernetes');
  expect(podman?.kind).toBe('container');
  expect(named?.kind).toBe('named');
  expect(held?.kind).toBe('process-held');
  // A host-network container's processes elsewhere say nothing of this namespace's own.
  expect(hostOnly?.kind).toBe('process-held');

  const commands = (entry: typeof docker) =>
    entry?.fix.kind === 'commands' ? entry.fix : { now: [], lasting: [] };
  expect(commands(docker).lasting.map((b) => b.caption)).toEqual([
    { kind: 'container', runtime: 'docker' },
    { kind: 'container', runtime: 'compose' },
  ]);
  expect(commands(docker).lasting[0]?.commands).toBe(
    'docker run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  );
  expect(commands(docker).now[0]?.commands).toBe(
    `sudo nsenter --target 702 --net sysctl -w ${KEYS}`,
  );
  expect(commands(podman).lasting.map((b) => b.commands)).toEqual([
    'podman run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  ]);
  const kube = commands(pod).lasting[0]?.commands ?? '';
  expect(kube).toContain(
    "--allowed-unsafe-sysctls='net.ipv4.ip_nonlocal_bind,net.ipv6.ip_nonlocal_bind'",
  );
  expect(kube).toContain(
    '  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_nonlocal_bind\n        value: "1"',
  );
  expect(commands(named).now).toEqual([
    {
      caption: { kind: 'netns-now', name: 'blue' },
      commands: `sudo ip netns exec blue sysctl -w ${KEYS}`,
    },
  ]);
  const unit = commands(named).lasting[0];
  expect(unit?.caption).toEqual({
    kind: 'netns-unit',
    path: '/etc/systemd/system/nonlocal-bind-netns-blue.service',
  });
  expect(unit?.commands).toContain(`ExecStart=/usr/sbin/ip netns exec blue sysctl -w ${KEYS}\n`);
  expect(unit?.commands).toContain('ConditionPathExists=/run/netns/blue\n');
  expect(unit?.commands).toMatch(/sudo systemctl enable --now nonlocal-bind-netns-blue\.service$/);
  // A process-held namespace: its running value through a process, nothing claimed to last.
  expect(commands(held)).toEqual({
    kind: 'commands',
    now: [
      {
        caption: { kind: 'nsenter-now', pid: 706 },
        commands: `sudo nsenter --target 706 --net sysctl -w ${KEYS}`,
      },
    ],
    lasting: [],
  });
});

test('a name no command line should carry gets no command', () => {
  const hostile = ['a b', 'x;reboot', '$(id)', "it's", '-n', 'a'.repeat(65), 'new\nline'];
  const entries = view(
    hostile.map((name, i) => ns(10 + i, { names: [{ source: 'ip-netns', name, escaped: false }] })),
  );
  // '-n' is plain characters but would read as an option: refused as well.
  for (const entry of entries)
    expect(entry.fix, entry.names[0]?.name).toEqual({ kind: 'unsafe-name' });
  const escaped = view([ns(30, { names: [{ source: 'ip-netns', name: 'ok', escaped: true }] })]);
  expect(escaped[0]?.fix).toEqual({ kind: 'unsafe-name' });
});

test('the commands set the catalogue keys, whatever the catalogue holds', () => {
  const catalogue: Catalogue = [
    ...SETTINGS,
    {
      id: 'forward',
      key: 'net.ipv4.ip_forward',
      procPath: '/proc/sys/net/ipv4/ip_forward',
      family: 'IPv4',
      range: { min: 0, max: 1 },
    },
  ];
  const [named] = view(
    [ns(5, { names: [{ source: 'ip-netns', name: 'blue', escaped: false }] })],
    catalogue,
  );
  expect(named?.fix.kind === 'commands' && named.fix.now[0]?.commands).toBe(
    `sudo ip netns exec blue sysctl -w ${KEYS} net.ipv4.ip_forward=1`,
  );
  expect(namespacesView({ ...DOCKER_HAPROXY_NAMESPACES }, catalogue).keys).toEqual(
    catalogue.map((s) => s.key),
  );
});
