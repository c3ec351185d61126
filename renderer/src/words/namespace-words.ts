import { plural, t } from '@lingui/core/macro';
import type {
  ContainerInNamespace,
  ContainerRuntime,
  LoadBalancerInNamespace,
  NamespaceKind,
  NamespaceListingTruncation,
  NamespaceListingUnseen,
  NamespacesView,
} from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { unworded } from './unworded';

/** The network namespaces view in words (issue 18): every switch exhaustive over its union. */

/** An engine's name; only the unknown one is words. */
function runtimeWords(runtime: ContainerRuntime): string {
  switch (runtime) {
    case 'docker':
      return 'Docker';
    case 'podman':
      return 'Podman';
    case 'containerd':
      return 'containerd';
    case 'cri-o':
      return 'CRI-O';
    case 'unknown':
      return t({ message: 'an unknown engine', comment: 'a container engine the app cannot name' });
    default:
      return unworded(runtime);
  }
}

/** "web-lb (Docker, a1b2c3d4e5f6)", with the pod and "host network" where they apply. */
export function containerWords(c: ContainerInNamespace): string {
  const name =
    c.name?.name ??
    t({
      message: 'A container with no name the app could read',
      comment: 'stands for a container’s name',
    });
  const engine = runtimeWords(c.runtime);
  const id = c.shortId;
  const podOf = c.name?.pod;
  if (c.hostNetwork) {
    if (podOf) {
      const pod = podOf.namespace ? `${podOf.namespace}/${podOf.name}` : podOf.name;
      return t`${name} (${engine}, ${id}, pod ${pod}) — host network: it shares this app’s network and its setting`;
    }
    return c.kubernetes
      ? t`${name} (${engine}, ${id}, a Kubernetes pod) — host network: it shares this app’s network and its setting`
      : t`${name} (${engine}, ${id}) — host network: it shares this app’s network and its setting`;
  }
  if (podOf) {
    const pod = podOf.namespace ? `${podOf.namespace}/${podOf.name}` : podOf.name;
    return t`${name} (${engine}, ${id}, pod ${pod})`;
  }
  return c.kubernetes
    ? t`${name} (${engine}, ${id}, a Kubernetes pod)`
    : t`${name} (${engine}, ${id})`;
}

/** "haproxy, pids 24853 and 24854". */
export function loadBalancerWords(lb: LoadBalancerInNamespace): string {
  const program = lb.program;
  const pids = formatList(lb.pids.map(String));
  const pidCount = lb.pids.length;
  return plural(pidCount, {
    one: `${program}, pid ${pids}`,
    other: `${program}, pids ${pids}`,
  });
}

/** Commands, never translated (backticks draw them as code). */
const ipNetnsCode = '`ip netns`';
const ipNetnsAdd = '`ip netns add`';

/** One line under the heading: what kind it is and where its setting is kept. */
export function kindWords(kind: NamespaceKind): string {
  switch (kind) {
    case 'own':
      return t`The switches on “This computer” change this one.`;
    case 'container':
      return t`A container’s own network: its engine sets the value when it creates the container.`;
    case 'kubernetes':
      return t`A pod’s network: the pod spec sets the value when the pod is created.`;
    case 'named':
      return t`Made with ${ipNetnsAdd}: it starts at 0 whatever this computer says.`;
    case 'process-held':
      return t`No name and no container: whatever started its processes made it, and sets it.`;
    default:
      return unworded(kind);
  }
}

/** Every namespace but the app's own, until it is read from inside. */
export function valueNotReadWords(): string {
  return t`Not read yet: its value can be read only from inside it. “Look inside” above reads it; the app claims no value before.`;
}

export function fixHeadingWords(part: 'lasting' | 'now', kind: NamespaceKind): string {
  if (part === 'now')
    return kind === 'container' || kind === 'kubernetes'
      ? t`For now only — lost when the container restarts or is created again`
      : t`For now only`;
  return kind === 'named' ? t`To keep it` : t`To keep it: set it where the container is created`;
}

export function unsafeNameWords(): string {
  return t`Its name holds characters that should not go into a command line, so no command is offered; rename it with ${ipNetnsCode}.`;
}

export function processHeldLastingWords(): string {
  return t`To keep it, whatever starts these processes must set it each time it makes the namespace.`;
}

/** An error number in words; one the app does not know is shown as it is. */
function errnoWords(code: string): string {
  switch (code) {
    case 'EACCES':
      return t`permission denied`;
    case 'EPERM':
      return t`not permitted`;
    case 'EFBIG':
      return t`over the size the app reads`;
    case 'ELOOP':
      return t`a link loop`;
    case 'ENOTDIR':
      return t`not a directory`;
    case 'EIO':
      return t`an input/output error`;
    default:
      return code;
  }
}

/** Why a name under /run/netns or /run/docker/netns is no namespace. */
function refusedWords(reason: NamespaceListingUnseen['namedEntries'][number]['reason']): string {
  switch (reason) {
    case 'not-mounted':
      return t`nothing is mounted on it`;
    case 'not-a-file':
      return t`not a plain file`;
    case 'unreadable':
      return t`it cannot be read`;
    default:
      return unworded(reason);
  }
}

const proc = '/proc';
const hidepid = 'hidepid';

/** What the listing could not see, one sentence each. */
export function unseenWords(unseen: NamespaceListingUnseen): string[] {
  const words: string[] = [];
  for (const [code, count] of Object.entries(unseen.processes)) {
    const reason = errnoWords(code);
    words.push(
      plural(count, {
        one: `# process could not be looked at (${reason}): a namespace only they hold is not listed. Running the app as root shows them.`,
        other: `# processes could not be looked at (${reason}): a namespace only they hold is not listed. Running the app as root shows them.`,
      }),
    );
  }
  if (unseen.processesHidden)
    words.push(
      t`${proc} hides other users’ processes (mounted with ${hidepid}), so namespaces only they hold cannot be listed, not even counted.`,
    );
  for (const [code, count] of Object.entries(unseen.cgroups)) {
    const reason = errnoWords(code);
    words.push(
      plural(count, {
        one: `The cgroup of # process could not be used (${reason}): their container is not named.`,
        other: `The cgroup of # processes could not be used (${reason}): their container is not named.`,
      }),
    );
  }
  for (const { dir, code } of unseen.nameDirectories) {
    const reason = errnoWords(code);
    words.push(t`${dir} could not be listed (${reason}): names from it are missing.`);
  }
  for (const { entry, reason } of unseen.namedEntries) {
    const name = entry.name;
    const dir = entry.source === 'ip-netns' ? '/run/netns' : '/run/docker/netns';
    const why = refusedWords(reason);
    words.push(t`${name} in ${dir} is no namespace (${why}).`);
  }
  return words;
}

export function truncationWords(truncation: NamespaceListingTruncation): string {
  switch (truncation.reason) {
    case 'process-cap': {
      const { limit, total } = truncation;
      return plural(total, {
        one: `Only the first ${limit} of # process were looked at.`,
        other: `Only the first ${limit} of # processes were looked at.`,
      });
    }
    case 'namespace-cap': {
      const limit = truncation.limit;
      return plural(limit, {
        one: 'Only the first # namespace is listed.',
        other: 'Only the first # namespaces are listed.',
      });
    }
    case 'time-limit': {
      const { limitMs, scanned } = truncation;
      return plural(scanned, {
        one: `The listing stopped after ${limitMs} ms, with # process looked at.`,
        other: `The listing stopped after ${limitMs} ms, with # processes looked at.`,
      });
    }
    default:
      return unworded(truncation);
  }
}

/** The main page's one line, or null when the app's network is the only one. */
export function namespacesLineWords(view: NamespacesView): string | null {
  const others = view.namespaces.filter((n) => !n.own);
  const count = others.length;
  if (count === 0) return null;
  const withLb = others.filter((n) => n.loadBalancers.length > 0);
  const programNames = [...new Set(withLb.flatMap((n) => n.loadBalancers.map((l) => l.program)))];
  if (withLb.length === 0)
    return plural(count, {
      one: '# other network namespace on this computer, each with its own setting: no load balancer runs in them.',
      other:
        '# other network namespaces on this computer, each with its own setting: no load balancer runs in them.',
    });
  const programs = formatList(programNames);
  const inAll = withLb.length === count && count > 1;
  const some = withLb.length;
  if (programNames.length === 1) {
    return inAll
      ? plural(count, {
          one: `# other network namespace on this computer, each with its own setting: ${programs} runs in all of them.`,
          other: `# other network namespaces on this computer, each with its own setting: ${programs} runs in all of them.`,
        })
      : plural(count, {
          one: `# other network namespace on this computer, each with its own setting: ${programs} runs in ${some} of them.`,
          other: `# other network namespaces on this computer, each with its own setting: ${programs} runs in ${some} of them.`,
        });
  }
  return inAll
    ? plural(count, {
        one: `# other network namespace on this computer, each with its own setting: ${programs} run in all of them.`,
        other: `# other network namespaces on this computer, each with its own setting: ${programs} run in all of them.`,
      })
    : plural(count, {
        one: `# other network namespace on this computer, each with its own setting: ${programs} run in ${some} of them.`,
        other: `# other network namespaces on this computer, each with its own setting: ${programs} run in ${some} of them.`,
      });
}
