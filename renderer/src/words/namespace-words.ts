import type {
  ContainerInNamespace,
  ContainerRuntime,
  LoadBalancerInNamespace,
  NamespaceEntry,
  NamespaceKind,
  NamespaceListingTruncation,
  NamespaceListingUnseen,
  NamespacesView,
} from '../../../electron/contract';

/** The network namespaces view in words (issue 18): every switch exhaustive over its union. */

const RUNTIMES: Record<ContainerRuntime, string> = {
  docker: 'Docker',
  podman: 'Podman',
  containerd: 'containerd',
  'cri-o': 'CRI-O',
  unknown: 'an unknown engine',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const containerName = (c: ContainerInNamespace) => c.name?.pod?.name ?? c.name?.name ?? null;

/** "web-lb (Docker, a1b2c3d4e5f6)", with the pod and "host network" where they apply. */
export function containerWords(c: ContainerInNamespace): string {
  const name = c.name?.name ?? 'A container with no name the app could read';
  const pod = c.name?.pod
    ? `, pod ${c.name.pod.namespace ? `${c.name.pod.namespace}/` : ''}${c.name.pod.name}`
    : c.kubernetes
      ? ', a Kubernetes pod'
      : '';
  const host = c.hostNetwork ? ' — host network: it shares this app’s network and its setting' : '';
  return `${name} (${RUNTIMES[c.runtime]}, ${c.shortId}${pod})${host}`;
}

/** "haproxy, pids 24853 and 24854". */
export function loadBalancerWords(lb: LoadBalancerInNamespace): string {
  const pids = lb.pids.map(String);
  const last = pids.pop();
  const list = pids.length > 0 ? `${pids.join(', ')} and ${last}` : (last ?? '');
  return `${lb.program}, ${lb.pids.length === 1 ? 'pid' : 'pids'} ${list}`;
}

/** The heading of one namespace: what people call it. */
export function namespaceTitle(ns: NamespaceEntry): string {
  const isolated = ns.containers.filter((c) => !c.hostNetwork);
  const named = ns.names.find((n) => n.source === 'ip-netns');
  switch (ns.kind) {
    case 'own':
      return 'This app’s network';
    case 'kubernetes':
    case 'container': {
      const names = isolated.map((c) => containerName(c) ?? c.shortId);
      return `${ns.kind === 'kubernetes' ? 'Kubernetes' : 'Container'} ${names.join(', ')}`;
    }
    case 'named':
      return `Namespace “${named?.name ?? ''}” (ip netns)`;
    case 'process-held':
      return ns.samplePids[0] !== undefined
        ? `A namespace held by process ${ns.samplePids[0]}`
        : 'A namespace no process is seen in';
    default:
      return unworded(ns.kind);
  }
}

/** One line under the heading: what kind it is and where its setting is kept. */
export function kindWords(kind: NamespaceKind): string {
  switch (kind) {
    case 'own':
      return 'The switches on “This computer” change this one.';
    case 'container':
      return 'A container’s own network: its engine sets the value when it creates the container.';
    case 'kubernetes':
      return 'A pod’s network: the pod spec sets the value when the pod is created.';
    case 'named':
      return 'Made with `ip netns add`: it starts at 0 whatever this computer says.';
    case 'process-held':
      return 'No name and no container: whatever started its processes made it, and sets it.';
    default:
      return unworded(kind);
  }
}

/** Every namespace but the app's own, until it is read from inside. */
export const VALUE_NOT_READ =
  'Not read yet: its value can be read only from inside it. “Look inside” above reads it; the app claims no value before.';

export function fixHeadingWords(part: 'lasting' | 'now', kind: NamespaceKind): string {
  if (part === 'now')
    return kind === 'container' || kind === 'kubernetes'
      ? 'For now only — lost when the container restarts or is created again'
      : 'For now only';
  return kind === 'named' ? 'To keep it' : 'To keep it: set it where the container is created';
}

export const UNSAFE_NAME =
  'Its name holds characters that should not go into a command line, so no command is offered; rename it with `ip netns`.';

export const PROCESS_HELD_LASTING =
  'To keep it, whatever starts these processes must set it each time it makes the namespace.';

const ERRNO: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EFBIG: 'over the size the app reads',
  ELOOP: 'a link loop',
  ENOTDIR: 'not a directory',
  EIO: 'an input/output error',
};

const errnoWords = (code: string) => ERRNO[code] ?? code;

/** What the listing could not see, one sentence each. */
export function unseenWords(unseen: NamespaceListingUnseen): string[] {
  const words: string[] = [];
  for (const [code, count] of Object.entries(unseen.processes))
    words.push(
      `${plural(count, 'process', 'processes')} could not be looked at (${errnoWords(code)}): a namespace only they hold is not listed. Running the app as root shows them.`,
    );
  if (unseen.processesHidden)
    words.push(
      '/proc hides other users’ processes (mounted with hidepid), so namespaces only they hold cannot be listed, not even counted.',
    );
  for (const [code, count] of Object.entries(unseen.cgroups))
    words.push(
      `The cgroup of ${plural(count, 'process', 'processes')} could not be used (${errnoWords(code)}): their container is not named.`,
    );
  for (const { dir, code } of unseen.nameDirectories)
    words.push(`${dir} could not be listed (${errnoWords(code)}): names from it are missing.`);
  for (const { entry, reason } of unseen.namedEntries)
    words.push(
      `${entry.name} in ${entry.source === 'ip-netns' ? '/run/netns' : '/run/docker/netns'} is no namespace (${REFUSED[reason]}).`,
    );
  return words;
}

const REFUSED = {
  'not-mounted': 'nothing is mounted on it',
  'not-a-file': 'not a plain file',
  unreadable: 'it cannot be read',
} as const;

export function truncationWords(t: NamespaceListingTruncation): string {
  switch (t.reason) {
    case 'process-cap':
      return `Only the first ${t.limit} of ${t.total} processes were looked at.`;
    case 'namespace-cap':
      return `Only the first ${t.limit} namespaces are listed.`;
    case 'time-limit':
      return `The listing stopped after ${t.limitMs} ms, with ${t.scanned} processes looked at.`;
    default:
      return unworded(t);
  }
}

/** The main page's one line, or null when the app's network is the only one. */
export function namespacesLineWords(view: NamespacesView): string | null {
  const others = view.namespaces.filter((n) => !n.own);
  if (others.length === 0) return null;
  const withLb = others.filter((n) => n.loadBalancers.length > 0);
  const programs = [...new Set(withLb.flatMap((n) => n.loadBalancers.map((l) => l.program)))];
  const where =
    withLb.length === 0
      ? 'no load balancer runs in them'
      : `${programs.join(' and ')} ${programs.length === 1 ? 'runs' : 'run'} in ${withLb.length === others.length && others.length > 1 ? 'all' : withLb.length} of them`;
  return `${plural(others.length, 'other network namespace')} on this computer, each with its own setting: ${where}.`;
}

function unworded(value: never): never {
  throw new Error(`no words for ${JSON.stringify(value)}`);
}
