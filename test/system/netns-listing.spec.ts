import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCAN_LIMITS } from '../../electron/system/netns/list-namespaces';
import { THREAD_GRACE_MS } from '../../electron/system/netns/netns-thread';
import type {
  NamespaceListing,
  NamespaceListingAnswer,
  NamespaceScanLimits,
} from '../../electron/system/netns/netns-types';
import { bundleForChild } from '../harness/bundle';
import { asUserArgv, createSandbox, type Sandbox } from '../harness/sandbox';

/**
 * Issue 18, step 1, against real namespaces. The listing runs as the app would, in a
 * sandbox (its own network + mount namespace) whose /run is a tmpfs, so `ip netns add`
 * pins namespaces in a /run/netns only the sandbox sees. Around it:
 * - a named namespace (`ip netns add`) with no process in it;
 * - a named namespace running Debian's real haproxy, bound to 127.0.0.1 there;
 * - an unnamed namespace only a process holds (`unshare -n sleep`), outside the sandbox;
 * - /run/netns entries that are no namespace, and one whose name is hostile bytes.
 * The host's /run/netns and kernel values stay as they were; disposing the sandbox and
 * killing the sleeper frees every namespace made here.
 */

test.describe.configure({ mode: 'default' });

// The scan's own bound plus the thread's grace, and room to start Node on a loaded machine.
const CHILD_LIMIT_S = Math.ceil((DEFAULT_SCAN_LIMITS.timeLimitMs + THREAD_GRACE_MS) / 1000) + 20;
// haproxy parses a five-line config and binds one socket: well under a second unloaded.
const HAPROXY_READY_MS = 15_000;
const HAPROXY_PORT = 8404;
const HOSTILE_NAME = 'bad\u001bname\\x';

let sandbox: Sandbox;
let childEntry: string;
let entryDir: string;
let sleeper: ChildProcess;
let haproxy: ChildProcess;
const hostHadNetns = existsSync('/run/netns');

const netInode = (pid: number) =>
  Number(/^net:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/net`))?.[1]);

function list(limits: Partial<NamespaceScanLimits> = {}, asUser?: string): NamespaceListingAnswer {
  const argv = [
    ...(asUser ? asUserArgv(asUser) : []),
    process.execPath,
    childEntry,
    JSON.stringify(limits),
  ];
  const run = sandbox.run('timeout', [String(CHILD_LIMIT_S), ...argv], {
    timeoutMs: (CHILD_LIMIT_S + 5) * 1000,
  });
  return JSON.parse(run.stdout) as NamespaceListingAnswer;
}

function listed(limits: Partial<NamespaceScanLimits> = {}, asUser?: string): NamespaceListing {
  const answer = list(limits, asUser);
  if (!answer.ok) throw new Error(`listing failed: ${JSON.stringify(answer.error)}`);
  return answer;
}

const inodeInSandbox = (file: string) =>
  Number(sandbox.run('stat', ['-L', '-c', '%i', file]).stdout.trim());

async function until(what: string, limitMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test.beforeAll(async () => {
  entryDir = mkdtempSync(path.join(os.tmpdir(), 'nb-netns-entry-'));
  const entry = path.join(entryDir, 'list-child.ts');
  writeFileSync(
    entry,
    [
      `import { listNetworkNamespaces } from ${JSON.stringify(path.resolve('electron/system/netns/list-namespaces.ts'))};`,
      "const limits = JSON.parse(process.argv[2] ?? '{}');",
      'process.stdout.write(JSON.stringify(await listNetworkNamespaces({ limits })));',
    ].join('\n'),
  );
  childEntry = await bundleForChild(entry);
  sandbox = await createSandbox();
  // A tmpfs over the sandbox's /run: `ip netns` creates /run/netns there, never on the host.
  sandbox.run('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'tmpfs', '/run']);
  sandbox.run('ip', ['netns', 'add', 'nb-empty']);
  sandbox.run('ip', ['netns', 'add', 'nb-lb']);
  sandbox.run('ip', ['netns', 'exec', 'nb-lb', 'ip', 'link', 'set', 'lo', 'up']);
  const config = `${sandbox.scratch}/haproxy.cfg`;
  sandbox.writeText(
    config,
    [
      'global',
      '  maxconn 16',
      'defaults',
      '  mode tcp',
      '  timeout connect 1s',
      '  timeout client 1s',
      '  timeout server 1s',
      'frontend listing-test',
      `  bind 127.0.0.1:${HAPROXY_PORT}`,
      '  default_backend nowhere',
      'backend nowhere',
      '  server none 127.0.0.1:9',
      '',
    ].join('\n'),
  );
  haproxy = sandbox.spawn('ip', ['netns', 'exec', 'nb-lb', 'haproxy', '-db', '-f', config], {
    stdio: 'ignore',
  });
  sleeper = spawn('unshare', ['--net', 'sleep', '600'], { stdio: 'ignore' });
  const hostNet = netInode(process.pid);
  await until('the sleeper is in its own namespace', 10_000, () => {
    try {
      return netInode(sleeper.pid ?? 0) !== hostNet;
    } catch {
      return false;
    }
  });
  await until('haproxy listens in nb-lb', HAPROXY_READY_MS, () =>
    sandbox
      .run('ip', ['netns', 'exec', 'nb-lb', 'ss', '-ltnH'], { allowFailure: true })
      .stdout.includes(`127.0.0.1:${HAPROXY_PORT}`),
  );
  // Entries that are no namespace, and a namespace pinned under a name of hostile bytes.
  sandbox.run('sh', [
    '-c',
    'touch /run/netns/stale && mkdir /run/netns/dir && ln -s /proc/1/ns/net /run/netns/link && ' +
      `touch "$1" && mount --bind /proc/${sleeper.pid}/ns/net "$1"`,
    'sh',
    `/run/netns/${HOSTILE_NAME}`,
  ]);
});

test.afterAll(async () => {
  for (const child of [haproxy, sleeper]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  await sandbox?.dispose();
  rmSync(entryDir, { recursive: true, force: true });
  // Nothing on the host: /run/netns is as it was, and the sleeper's namespace is gone with it.
  expect(existsSync('/run/netns')).toBe(hostHadNetns);
  expect(existsSync(`/proc/${sleeper.pid}`)).toBe(false);
});

test('the app own namespace, named ones, and one only a process holds', () => {
  const answer = listed();
  const own = answer.namespaces.find((n) => n.own);
  expect(own?.inode).toBe(netInode(sandbox.pid));
  expect(answer.ownInode).toBe(own?.inode);
  expect(answer.namespaces[0]).toBe(own);
  // The scan ran on its worker thread in the bundled app code, not on the event loop.
  expect(answer.scannedOn).toBe('worker');

  const empty = answer.namespaces.find((n) => n.names.some((name) => name.name === 'nb-empty'));
  expect(empty).toMatchObject({
    inode: inodeInSandbox('/run/netns/nb-empty'),
    own: false,
    names: [{ source: 'ip-netns', name: 'nb-empty', escaped: false }],
    processCount: 0,
    loadBalancers: [],
  });

  const held = answer.namespaces.find((n) => n.inode === netInode(sleeper.pid ?? 0));
  expect(held?.processCount).toBe(1);
  expect(held?.samplePids).toEqual([sleeper.pid]);
  // The host's namespace, where this test runs, is one more: held by the host's processes.
  const host = answer.namespaces.find((n) => n.inode === netInode(process.pid));
  expect(host?.own).toBe(false);
  expect(host?.samplePids.length).toBeGreaterThan(0);
});

test('a real haproxy is labelled in the named namespace it runs in', () => {
  const answer = listed();
  const lb = answer.namespaces.find((n) => n.names.some((name) => name.name === 'nb-lb'));
  expect(lb?.inode).toBe(inodeInSandbox('/run/netns/nb-lb'));
  expect(lb?.loadBalancers).toEqual([
    {
      program: 'haproxy',
      pids: [haproxy.pid],
      // Its VIPs, read from its own -f file inside its root: loopback needs no setting.
      vips: [
        {
          address: '127.0.0.1',
          port: HAPROXY_PORT,
          family: 'IPv4',
          file: `${sandbox.scratch}/haproxy.cfg`,
          line: 9,
          assignedThere: true,
          needs: null,
        },
      ],
      configFiles: [`${sandbox.scratch}/haproxy.cfg`],
      configProblem: null,
    },
  ]);
  expect(lb?.processCount).toBe(1);
  expect(lb?.containers).toEqual([]);
  // Nowhere else is there a haproxy this test started.
  const elsewhere = answer.namespaces.filter((n) => n !== lb).flatMap((n) => n.loadBalancers);
  expect(elsewhere.flatMap((l) => l.pids)).not.toContain(haproxy.pid);
});

test('/run/netns entries that are no namespace are said, and a hostile name is escaped', () => {
  const answer = listed();
  const refused = answer.unseen.namedEntries.map((r) => [r.entry.name, r.reason]);
  expect(refused).toEqual(
    expect.arrayContaining([
      ['stale', 'not-mounted'],
      ['dir', 'not-a-file'],
      ['link', 'not-a-file'],
    ]),
  );
  expect(refused).toHaveLength(3);
  const held = answer.namespaces.find((n) => n.inode === netInode(sleeper.pid ?? 0));
  expect(held?.names).toEqual([{ source: 'ip-netns', name: 'bad\\x1bname\\x5cx', escaped: true }]);
});

test('an unprivileged user (nobody) sees the named namespaces, and the processes it cannot see are counted', () => {
  const answer = listed({}, '65534');
  // Other users' ns links need ptrace access: EACCES, counted, not guessed.
  expect(answer.unseen.processes['EACCES'] ?? 0).toBeGreaterThan(0);
  // root's sleeper is not seen; its namespace is, through the name pinned on it.
  const held = answer.namespaces.find((n) => n.inode === netInode(sleeper.pid ?? 0));
  expect(held).toMatchObject({ processCount: 0, samplePids: [], names: [{ escaped: true }] });
  // Names need no privileges: lstat of /run/netns entries.
  expect(
    answer.namespaces.find((n) => n.names.some((name) => name.name === 'nb-empty')),
  ).toBeDefined();
  const own = answer.namespaces.find((n) => n.own);
  expect(own?.inode).toBe(netInode(sandbox.pid));
  expect(own?.processCount).toBeGreaterThanOrEqual(1);
});

test('caps and the time limit stop the scan and say where', () => {
  const total = spawnSync('sh', ['-c', 'ls /proc | grep -c "^[0-9]"'], { encoding: 'utf8' });
  expect(Number(total.stdout)).toBeGreaterThan(5);
  const capped = listed({ maxProcesses: 5 });
  expect(capped.scannedProcesses).toBe(5);
  expect(capped.truncated).toEqual([expect.objectContaining({ reason: 'process-cap', limit: 5 })]);

  const timed = listed({ timeLimitMs: 0 });
  expect(timed.truncated).toEqual([{ reason: 'time-limit', limitMs: 0, scanned: 0 }]);
  // Names are read before processes: still there when the time is up.
  expect(timed.namespaces.some((n) => n.names.some((name) => name.name === 'nb-lb'))).toBe(true);

  const few = listed({ maxNamespaces: 2 });
  expect(few.namespaces).toHaveLength(2);
  expect(few.truncated).toContainEqual({ reason: 'namespace-cap', limit: 2 });
});

test('processes that come and go during the scan are counted, never an error', async () => {
  // A shell that starts and ends a process every few microseconds while the listings run.
  const churn = spawn('sh', ['-c', 'while :; do /bin/true; done'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 10; i += 1) {
      const answer = list();
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
    }
  } finally {
    churn.kill('SIGKILL');
    await once(churn, 'exit');
  }
});
