import type {
  CommandBlock,
  NamespaceEntry,
  NamespaceFix,
  NamespaceKind,
  NamespacesView,
} from '../../contract';
import type { Catalogue } from '../settings';
import type { NamespaceListing, NetworkNamespaceInfo } from './netns-types';

/**
 * Issue 18, step 3's lasting fixes, as data: for each namespace the listing found, where
 * its setting is kept (a container's creation flags, a pod spec, a unit that repeats
 * `ip netns exec`), built from the catalogue's keys. Nothing here runs; the renderer shows
 * the blocks to copy. A runtime change inside a container never lasts, so for containers
 * the running-value commands are offered only beside the flags that do.
 */

/**
 * What `ip netns` and systemd unit names both take as they are: no quoting, no escaping,
 * and a first character that no tool reads as an option ('-n') or a path ('.', '..').
 */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The value each setting is turned on with. */
const ON = '1';

export function namespaceKind(ns: NetworkNamespaceInfo): NamespaceKind {
  if (ns.own) return 'own';
  const isolated = ns.containers.filter((c) => !c.hostNetwork);
  if (isolated.some((c) => c.kubernetes)) return 'kubernetes';
  if (isolated.length > 0) return 'container';
  if (ns.names.some((n) => n.source === 'ip-netns')) return 'named';
  return 'process-held';
}

const sysctlWrite = (keys: readonly string[]) =>
  `sysctl -w ${keys.map((k) => `${k}=${ON}`).join(' ')}`;

const runFlags = (keys: readonly string[]) => keys.map((k) => `--sysctl ${k}=${ON}`).join(' ');

/** Not on the kubelet's safe list: every node's kubelet must allow the keys first. */
function kubernetesBlocks(keys: readonly string[]): CommandBlock[] {
  return [
    {
      caption: { kind: 'container', runtime: 'kubernetes' },
      commands: [
        "# Not on the kubelet's safe-sysctl list: each node's kubelet must allow them first,",
        `#   --allowed-unsafe-sysctls='${keys.join(',')}'`,
        '# (or allowedUnsafeSysctls in its KubeletConfiguration file), or the pod is refused.',
        'spec:',
        '  securityContext:',
        '    sysctls:',
        ...keys.flatMap((k) => [`      - name: ${k}`, `        value: "${ON}"`]),
      ].join('\n'),
    },
  ];
}

/** The engines' flags, for each engine seen among the namespace's own containers. */
function containerLasting(ns: NetworkNamespaceInfo, keys: readonly string[]): CommandBlock[] {
  const runtimes = new Set(ns.containers.filter((c) => !c.hostNetwork).map((c) => c.runtime));
  const run = (runtime: 'docker' | 'podman'): CommandBlock => ({
    caption: { kind: 'container', runtime },
    commands: `${runtime} run ${runFlags(keys)} IMAGE`,
  });
  const compose: CommandBlock = {
    caption: { kind: 'container', runtime: 'compose' },
    commands: ['sysctls:', ...keys.map((k) => `  - ${k}=${ON}`)].join('\n'),
  };
  const blocks: CommandBlock[] = [];
  // containerd and CRI-O outside Kubernetes are rare, and an unknown engine says nothing:
  // then every engine's way is shown.
  const known = runtimes.has('docker') || runtimes.has('podman');
  if (runtimes.has('docker') || !known) blocks.push(run('docker'), compose);
  if (runtimes.has('podman') || !known) blocks.push(run('podman'));
  return blocks;
}

export function unitPath(name: string): string {
  return `/etc/systemd/system/nonlocal-bind-netns-${name}.service`;
}

/** `ip netns exec` now, and a oneshot unit that does it again at every boot. */
function namedBlocks(name: string, keys: readonly string[]): NamespaceFix {
  const write = `ip netns exec ${name} ${sysctlWrite(keys)}`;
  const path = unitPath(name);
  const unit = [
    '[Unit]',
    `Description=ip_nonlocal_bind in network namespace ${name}`,
    // The namespace must exist first: order it after whatever creates it.
    'After=network.target',
    `ConditionPathExists=/run/netns/${name}`,
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/usr/sbin/${write}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
  ];
  return {
    kind: 'commands',
    now: [{ caption: { kind: 'netns-now', name }, commands: `sudo ${write}` }],
    lasting: [
      {
        caption: { kind: 'netns-unit', path },
        commands: [
          `sudo tee ${path} >/dev/null <<'EOF'`,
          ...unit,
          'EOF',
          'sudo systemctl daemon-reload',
          `sudo systemctl enable --now ${path.slice(path.lastIndexOf('/') + 1)}`,
        ].join('\n'),
      },
    ],
  };
}

function nsenterNow(ns: NetworkNamespaceInfo, keys: readonly string[]): CommandBlock[] {
  const pid = ns.samplePids[0];
  if (pid === undefined) return [];
  return [
    {
      caption: { kind: 'nsenter-now', pid },
      commands: `sudo nsenter --target ${pid} --net ${sysctlWrite(keys)}`,
    },
  ];
}

export function namespaceFix(
  ns: NetworkNamespaceInfo,
  kind: NamespaceKind,
  keys: readonly string[],
): NamespaceFix {
  switch (kind) {
    case 'own':
      return { kind: 'main-view' };
    case 'kubernetes':
      return { kind: 'commands', now: nsenterNow(ns, keys), lasting: kubernetesBlocks(keys) };
    case 'container':
      return { kind: 'commands', now: nsenterNow(ns, keys), lasting: containerLasting(ns, keys) };
    case 'named': {
      const name = ns.names.find((n) => n.source === 'ip-netns' && !n.escaped)?.name;
      return name !== undefined && PLAIN_NAME.test(name)
        ? namedBlocks(name, keys)
        : { kind: 'unsafe-name' };
    }
    case 'process-held':
      return { kind: 'commands', now: nsenterNow(ns, keys), lasting: [] };
  }
}

/** The listing with each namespace's kind and fix, for the catalogue's keys. */
export function namespacesView(listing: NamespaceListing, catalogue: Catalogue): NamespacesView {
  const keys = catalogue.map((s) => s.key);
  const namespaces: NamespaceEntry[] = listing.namespaces.map((ns) => {
    const kind = namespaceKind(ns);
    return { ...ns, kind, fix: namespaceFix(ns, kind, keys) };
  });
  return {
    ownInode: listing.ownInode,
    unseen: listing.unseen,
    truncated: listing.truncated,
    scannedProcesses: listing.scannedProcesses,
    elapsedMs: listing.elapsedMs,
    scannedOn: listing.scannedOn,
    namespaces,
    keys,
  };
}
