import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCAN_LIMITS } from '../../electron/system/netns/list-namespaces';
import { willFailFindings } from '../../electron/system/netns/namespace-findings';
import { DEFAULT_SERVICE_LIMITS } from '../../electron/system/netns/namespace-services';
import { readInsideNamespaces } from '../../electron/system/netns/namespace-step';
import { THREAD_GRACE_MS } from '../../electron/system/netns/netns-thread';
import type {
  ContainerStateFiles,
  NamespaceListingAnswer,
  NetworkNamespaceInfo,
} from '../../electron/system/netns/netns-types';
import { SETTINGS } from '../../electron/system/settings';
import { bundleForChild } from '../harness/bundle';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { privateRun, sandboxRunner } from '../harness/netns-holders';
import { cgroupPids, removeCgroup } from './netns-cgroup-cleanup';

/**
 * Issue 18 with a real container engine: Debian's Podman (with runc) runs two containers from
 * a directory (--rootfs, no registry), each on its own network (--network none), each running
 * Debian's HAProxy. "web-lb" is created with --sysctl net.ipv4.ip_nonlocal_bind=1 and binds a
 * VIP no interface has; "plain" has no sysctl and binds loopback. Its configuration also names
 * a file that is a link to an absolute path: the host has a file there (that must never be
 * read), the container a decoy (what HAProxy itself reads).
 *
 * Everything runs in a sandbox: Podman's state, its runtime's state and the root filesystem
 * are on the sandbox's tmpfs, its /run is private, and the containers' cgroups sit under a
 * parent of this test's own, removed at the end. Podman here needs runc (crun refuses this
 * machine's hybrid cgroups) and limits no higher than its own (it lowers its nproc to 32768).
 */

test.describe.configure({ mode: 'serial' });

const VIP = '192.0.2.10';
const PORT = 18446;
// `podman run -d` here: about a second and a half unloaded; room for a loaded machine.
const PODMAN_MS = 60_000;
const LISTING_MS =
  DEFAULT_SCAN_LIMITS.timeLimitMs + THREAD_GRACE_MS + DEFAULT_SERVICE_LIMITS.timeLimitMs;
const CHILD_S = Math.ceil(LISTING_MS / 1000) + 20;

let sandbox: Sandbox;
let hostDir: string;
let childEntry: string;
let podman: string[];
let stateFiles: ContainerStateFiles;
const cgroupParent = `nb-test-${process.pid}`;

const HOST_VALUES = () =>
  ['ipv4', 'ipv6']
    .map((f) => readFileSync(`/proc/sys/net/${f}/ip_nonlocal_bind`, 'utf8').trim())
    .join(' ');
let hostBefore: string;

/** A config whose proxy names are `name`-…: two files of one HAProxy must not repeat a name. */
function haproxyConfig(bind: string, name = 'lb'): string {
  return [
    'global',
    '  maxconn 16',
    'defaults',
    '  mode tcp',
    '  timeout connect 1s',
    '  timeout client 1s',
    '  timeout server 1s',
    `frontend ${name}`,
    `  bind ${bind}`,
    `  default_backend ${name}-nowhere`,
    `backend ${name}-nowhere`,
    '  server none 127.0.0.1:9',
    '',
  ].join('\n');
}

/** A root filesystem on the sandbox's tmpfs: the host's /usr (read-only) and its own /etc. */
function rootfs(name: string, files: Readonly<Record<string, string>>): string {
  const root = `${sandbox.scratch}/${name}`;
  sandbox.run('sh', [
    '-c',
    'mkdir -p "$1/etc/haproxy" "$1/usr" "$1/tmp" "$1/proc" "$1/dev" "$1/sys" && ' +
      'for d in bin lib lib64 sbin; do ln -s "usr/$d" "$1/$d"; done',
    'sh',
    root,
  ]);
  for (const [file, content] of Object.entries(files)) {
    sandbox.run('mkdir', ['-p', path.dirname(`${root}${file}`)]);
    sandbox.writeText(`${root}${file}`, content);
  }
  return root;
}

function runContainer(
  name: string,
  root: string,
  extra: readonly string[],
  args: readonly string[],
) {
  sandbox.run(
    podman[0] as string,
    [
      ...podman.slice(1),
      'run',
      '-d',
      '--name',
      name,
      '--cgroup-parent',
      `/${cgroupParent}`,
      '--network',
      'none',
      '--ulimit',
      'nofile=1024:1024',
      '--ulimit',
      'nproc=1024:1024',
      ...extra,
      '-v',
      '/usr:/usr:ro',
      '--rootfs',
      root,
      ...args,
    ],
    { timeoutMs: PODMAN_MS },
  );
}

function list(): NamespaceListingAnswer {
  const run = sandbox.run(
    'timeout',
    [String(CHILD_S), process.execPath, childEntry, JSON.stringify(stateFiles)],
    { timeoutMs: (CHILD_S + 5) * 1000 },
  );
  return JSON.parse(run.stdout) as NamespaceListingAnswer;
}

function containerNamespace(name: string): NetworkNamespaceInfo {
  const answer = list();
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  const found = answer.namespaces.find((n) => n.containers.some((c) => c.name?.name === name));
  if (!found) {
    const seen = answer.namespaces.flatMap((n) => n.containers.map((c) => [c.shortId, c.name]));
    const ps = sandbox.run(podman[0] as string, [...podman.slice(1), 'ps', '-a'], {
      allowFailure: true,
    });
    throw new Error(`no namespace for container ${name}: ${JSON.stringify(seen)}\n${ps.stdout}`);
  }
  return found;
}

test.beforeAll(async () => {
  test.setTimeout(4 * PODMAN_MS + 60_000);
  hostBefore = HOST_VALUES();
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'nb-host-secret-'));
  writeFileSync(`${hostDir}/extra.cfg`, haproxyConfig('203.0.113.66:1', 'host'));
  const entryDir = mkdtempSync(path.join(os.tmpdir(), 'nb-podman-entry-'));
  const entry = path.join(entryDir, 'list-child.ts');
  writeFileSync(
    entry,
    [
      `import { listNetworkNamespaces } from ${JSON.stringify(path.resolve('electron/system/netns/list-namespaces.ts'))};`,
      'const stateFiles = JSON.parse(process.argv[2] ?? "null");',
      'process.stdout.write(JSON.stringify(await listNetworkNamespaces({ stateFiles })));',
    ].join('\n'),
  );
  childEntry = await bundleForChild(entry);
  rmSync(entryDir, { recursive: true, force: true });
  sandbox = await createSandbox();
  privateRun(sandbox);
  const store = `${sandbox.scratch}/storage`;
  podman = [
    'podman',
    '--root',
    store,
    '--runroot',
    `${sandbox.scratch}/run`,
    '--tmpdir',
    `${sandbox.scratch}/tmp`,
    '--cgroup-manager',
    'cgroupfs',
    '--events-backend',
    'file',
    '--runtime',
    'runc',
  ];
  stateFiles = {
    dockerContainers: `${sandbox.scratch}/no-docker`,
    containersJson: [`${store}/overlay-containers/containers.json`],
    containerdTasks: `${sandbox.scratch}/no-containerd`,
  };
  const webLb = rootfs('web-lb', {
    '/etc/haproxy/haproxy.cfg': haproxyConfig(`${VIP}:${PORT}`),
    // What HAProxy itself reads through the link below: a decoy inside the container.
    [`${hostDir}/extra.cfg`]: haproxyConfig(`127.0.0.1:${PORT + 1}`, 'decoy'),
  });
  sandbox.run('ln', ['-s', `${hostDir}/extra.cfg`, `${webLb}/etc/haproxy/extra.cfg`]);
  const haproxy = ['/usr/sbin/haproxy', '-db', '-f', '/etc/haproxy/haproxy.cfg'];
  runContainer(
    'nb-web-lb',
    webLb,
    ['--sysctl', 'net.ipv4.ip_nonlocal_bind=1'],
    [...haproxy, '-f', '/etc/haproxy/extra.cfg'],
  );
  const plain = rootfs('plain', { '/etc/haproxy/haproxy.cfg': haproxyConfig(`127.0.0.1:${PORT}`) });
  runContainer('nb-plain', plain, [], haproxy);
});

test.afterAll(async () => {
  test.setTimeout(2 * PODMAN_MS + 30_000);
  try {
    if (sandbox) {
      sandbox.run(podman[0] as string, [...podman.slice(1), 'rm', '-f', '-t', '0', '--all'], {
        allowFailure: true,
        timeoutMs: PODMAN_MS,
      });
      await sandbox.dispose();
    }
    // Each container's conmon leaves its cgroup (under this test's parent) a moment after.
    const pids = `/sys/fs/cgroup/pids/${cgroupParent}`;
    const deadline = Date.now() + PODMAN_MS;
    while (cgroupPids(pids).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cgroupPids(pids)).toEqual([]);
    for (const hierarchy of readdirSync('/sys/fs/cgroup')) {
      removeCgroup(`/sys/fs/cgroup/${hierarchy}/${cgroupParent}`);
    }
  } finally {
    rmSync(hostDir, { recursive: true, force: true });
  }
  expect(HOST_VALUES()).toBe(hostBefore);
});

test('the listing names each container, whether its setting lasts, and its VIPs read inside its root', () => {
  test.setTimeout(2 * LISTING_MS + 30_000);
  const web = containerNamespace('nb-web-lb');
  expect(web.containers).toMatchObject([
    {
      runtime: 'podman',
      name: { name: 'nb-web-lb', source: 'containers-json' },
      hostNetwork: false,
    },
  ]);
  // The engine's own config sets it (Podman adds ping_group_range to every container).
  expect(web.lasting).toMatchObject({
    kind: 'container-config',
    keys: { 'net.ipv4.ip_nonlocal_bind': '1' },
  });
  const [lb] = web.loadBalancers;
  expect(lb?.configProblem).toBeNull();
  expect(lb?.configFiles).toEqual(['/etc/haproxy/haproxy.cfg', '/etc/haproxy/extra.cfg']);
  expect(lb?.vips?.map((v) => [v.address, v.port, v.assignedThere, v.needs])).toEqual([
    [VIP, PORT, false, 'ipv4'],
    // The decoy HAProxy reads in its own root; the host's file behind the same path is never read.
    ['127.0.0.1', PORT + 1, true, null],
  ]);
  expect(JSON.stringify(web)).not.toContain('203.0.113.66');

  const plain = containerNamespace('nb-plain');
  expect(plain.inode).not.toBe(web.inode);
  expect(plain.lasting?.kind === 'container-config' && plain.lasting.keys).not.toHaveProperty([
    'net.ipv4.ip_nonlocal_bind',
  ]);
  expect(plain.loadBalancers[0]?.vips).toMatchObject([{ address: '127.0.0.1', needs: null }]);
});

test('read inside both containers in one run of the step: the sysctl the engine set is on there', async () => {
  test.setTimeout(2 * LISTING_MS + 30_000);
  const web = containerNamespace('nb-web-lb');
  const plain = containerNamespace('nb-plain');
  const refs = [web, plain].map((n) => ({
    via: 'pid' as const,
    pid: n.samplePids[0] ?? 0,
    inode: n.inode,
  }));
  const runner = sandboxRunner(sandbox);
  const read = await readInsideNamespaces(runner.run, refs, SETTINGS);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  expect(runner.runs()).toBe(1);
  const ipv4 = read.readings.map((r) => (r.ok ? r.values['ipv4'] : r.problem));
  expect(ipv4).toEqual([
    { kind: 'value', value: 1 },
    { kind: 'value', value: 0 },
  ]);
  // On where its VIP is not held: nothing will fail there.
  expect(willFailFindings(web, read.readings[0] ?? null)).toEqual([]);
});
