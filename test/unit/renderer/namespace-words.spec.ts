import { expect, test } from '@playwright/test';
import type { NamespaceEntry, NamespacesView } from '../../../electron/contract';
import { DOCKER_HAPROXY_NAMESPACES } from '../../../electron/demo/demo-namespaces';
import { namespacesView } from '../../../electron/system/netns/namespace-fixes';
import { SETTINGS } from '../../../electron/system/settings';
import { codeWords } from '../../../renderer/src/words/code-words';
import {
  containerWords,
  kindWords,
  loadBalancerWords,
  namespacesLineWords,
  truncationWords,
  unseenWords,
} from '../../../renderer/src/words/namespace-words';
import {
  namespaceTitle,
  namespaceTitleMidSentence,
} from '../../../renderer/src/words/namespace-title-words';

/** The namespaces view in words: every kind, container, truncation and unseen reason. */

const demo: NamespacesView = namespacesView(DOCKER_HAPROXY_NAMESPACES, SETTINGS);
const at = (i: number): NamespaceEntry => {
  const entry = demo.namespaces[i];
  if (!entry) throw new Error(`no namespace ${i}`);
  return entry;
};

function containerOf(entry: NamespaceEntry) {
  const first = entry.containers[0];
  if (!first) throw new Error(`no container in ${entry.inode}`);
  return first;
}

test('each namespace of the demo has its title; containers and load balancers their words', () => {
  expect(demo.namespaces.map(namespaceTitle)).toEqual([
    'This app’s network',
    'Container web-lb',
    'Namespace “lab” (ip netns)',
  ]);
  expect(containerWords(containerOf(at(0)))).toBe(
    'node-exporter (Docker, 5e6f708192a3) — host network: it shares this app’s network and its setting',
  );
  // Lists come from Intl.ListFormat in the active language: English's has the serial comma.
  expect(loadBalancerWords({ program: 'haproxy', pids: [1, 2, 3] })).toBe(
    'haproxy, pids 1, 2, and 3',
  );
  expect(loadBalancerWords({ program: 'nginx', pids: [9] })).toBe('nginx, pid 9');
  const pod = {
    ...containerOf(at(1)),
    runtime: 'containerd' as const,
    kubernetes: true,
    name: {
      name: 'lb',
      source: 'oci-annotations' as const,
      pod: { name: 'lb-7d9', namespace: 'edge' },
    },
  };
  expect(containerWords(pod)).toBe('lb (containerd, a1b2c3d4e5f6, pod edge/lb-7d9)');
  expect(namespaceTitle({ ...at(1), kind: 'kubernetes', containers: [pod] })).toBe(
    'Kubernetes lb-7d9',
  );
  expect(namespaceTitle({ ...at(2), kind: 'process-held', names: [], samplePids: [77] })).toBe(
    'A namespace held by process 77',
  );
  const kinds = ['own', 'container', 'kubernetes', 'named', 'process-held'] as const;
  expect(new Set(kinds.map(kindWords)).size).toBe(kinds.length);
});

test('a namespace named mid-sentence has messages of its own, not the heading lowercased', () => {
  expect(demo.namespaces.map(namespaceTitleMidSentence)).toEqual([
    'this app’s network',
    'container web-lb',
    'namespace “lab” (ip netns)',
  ]);
  const held = { ...at(2), kind: 'process-held' as const, names: [], samplePids: [77] };
  expect(namespaceTitleMidSentence(held)).toBe('a namespace held by process 77');
  expect(namespaceTitleMidSentence({ ...held, samplePids: [] })).toBe(
    'a namespace no process is seen in',
  );
  // A product name keeps its capital wherever it stands.
  const pod = { ...containerOf(at(1)), name: { name: 'lb', source: 'oci-annotations' as const } };
  expect(namespaceTitleMidSentence({ ...at(1), kind: 'kubernetes', containers: [pod] })).toBe(
    'Kubernetes lb',
  );
});

test('the main page line counts the others and names their load balancers', () => {
  expect(namespacesLineWords(demo)).toBe(
    '2 other network namespaces on this computer, each with its own setting: haproxy runs in 1 of them.',
  );
  const onlyOwn = { ...demo, namespaces: demo.namespaces.filter((n) => n.own) };
  expect(namespacesLineWords(onlyOwn)).toBeNull();
  const quiet = { ...demo, namespaces: [at(0), at(2)] };
  expect(namespacesLineWords(quiet)).toBe(
    '1 other network namespace on this computer, each with its own setting: no load balancer runs in them.',
  );
});

test('what could not be seen, and where the listing stopped, each in words', () => {
  const words = unseenWords({
    processes: { EACCES: 12 },
    exitedDuringScan: 2,
    processesHidden: true,
    cgroups: { EFBIG: 1 },
    nameDirectories: [{ dir: '/run/netns', code: 'EACCES' }],
    namedEntries: [
      { entry: { source: 'ip-netns', name: 'stale', escaped: false }, reason: 'not-mounted' },
    ],
  });
  expect(words).toEqual([
    '12 processes could not be looked at (permission denied): a namespace only they hold is not listed. Running the app as root shows them.',
    '/proc hides other users’ processes (mounted with hidepid), so namespaces only they hold cannot be listed, not even counted.',
    'The cgroup of 1 process could not be used (over the size the app reads): their container is not named.',
    '/run/netns could not be listed (permission denied): names from it are missing.',
    'stale in /run/netns is no namespace (nothing is mounted on it).',
  ]);
  expect(truncationWords({ reason: 'process-cap', limit: 10, total: 20 })).toContain('10 of 20');
  expect(truncationWords({ reason: 'namespace-cap', limit: 4 })).toContain('first 4');
  expect(truncationWords({ reason: 'time-limit', limitMs: 2000, scanned: 900 })).toContain(
    '2000 ms',
  );
  for (const code of [
    'netns-own-unreadable',
    'netns-proc-unlisted',
    'netns-reader-timeout',
    'netns-reader-failed',
  ] as const)
    expect(codeWords(code)).toMatch(/namespace/);
});
