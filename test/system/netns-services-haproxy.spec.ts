import { expect, test } from '@playwright/test';
import { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import {
  DEFAULT_SCAN_LIMITS,
  listNetworkNamespaces,
} from '../../electron/system/netns/list-namespaces';
import { willFailFindings } from '../../electron/system/netns/namespace-findings';
import { DEFAULT_SERVICE_LIMITS } from '../../electron/system/netns/namespace-services';
import {
  readInsideNamespaces,
  setInsideNamespace,
} from '../../electron/system/netns/namespace-step';
import type {
  NamespaceReading,
  NamespaceRef,
} from '../../electron/system/netns/namespace-step-types';
import { THREAD_GRACE_MS } from '../../electron/system/netns/netns-thread';
import type { NetworkNamespaceInfo } from '../../electron/system/netns/netns-types';
import { SETTINGS } from '../../electron/system/settings';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import {
  holdNamespaces,
  sandboxRunner,
  valuesInside,
  type HeldNamespace,
  type Holders,
} from '../harness/netns-holders';

/**
 * Issue 18 with a real HAProxy from Debian: it binds a VIP in a network namespace a process
 * holds, the VIP moves away (a failover), and the app must predict that it will not start
 * again there, turn the setting on in that namespace only, and then see it start and listen.
 * Everything runs in a sandbox (its own network and mount namespaces); the namespace is
 * fresh (its setting starts at 0); haproxy runs in the foreground (-db) with its config on
 * the sandbox's tmpfs, no stats socket and no log target. The host's values never change,
 * and haproxy, the holder and the sandbox are gone at the end.
 */

test.describe.configure({ mode: 'serial' });

const VIP = '192.0.2.10';
const PORT = 18443;
// haproxy parses a few lines and binds one socket (or fails to): well under a second unloaded.
const HAPROXY_MS = 15_000;
// The listing's own bounds: the scan, the thread's grace, the services read.
const LISTING_MS =
  DEFAULT_SCAN_LIMITS.timeLimitMs + THREAD_GRACE_MS + DEFAULT_SERVICE_LIMITS.timeLimitMs;

let sandbox: Sandbox;
let holders: Holders | null = null;
let held: HeldNamespace;
let ref: NamespaceRef;
let config: string;
let haproxy: ChildProcess | null = null;
let hostBefore: string;

const HOST_VALUES = () =>
  ['ipv4', 'ipv6']
    .map((f) => readFileSync(`/proc/sys/net/${f}/ip_nonlocal_bind`, 'utf8').trim())
    .join(' ');

/** `ip` inside the held namespace (entered from the sandbox). */
const ipThere = (...args: string[]) =>
  sandbox.run('nsenter', [`--net=/proc/${held.pid}/ns/net`, 'ip', ...args]);

/** Whether a socket listens on VIP:PORT in the held namespace (its /proc/PID/net/tcp). */
function listensThere(): boolean {
  // /proc/net/tcp writes the address as the kernel holds it (little-endian hex) and the port in hex.
  const address = VIP.split('.')
    .reverse()
    .map((p) => Number(p).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  const local = `${address}:${PORT.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync(`/proc/${held.pid}/net/tcp`, 'utf8')
    .split('\n')
    .some((line) => line.trim().split(/\s+/)[1] === local && line.trim().split(/\s+/)[3] === '0A');
}

async function until(what: string, limitMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts haproxy in the held namespace; resolves with its stderr once it exits. */
function startHaproxy(): {
  child: ChildProcess;
  ended: Promise<{ code: number | null; stderr: string }>;
} {
  const child = sandbox.spawn(
    'nsenter',
    [`--net=/proc/${held.pid}/ns/net`, '/usr/sbin/haproxy', '-db', '-f', config],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const ended = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
  return { child, ended };
}

async function stopHaproxy(): Promise<void> {
  const child = haproxy;
  haproxy = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function heldNamespace(): Promise<NetworkNamespaceInfo> {
  const answer = await listNetworkNamespaces();
  if (!answer.ok) throw new Error(`listing failed: ${JSON.stringify(answer.error)}`);
  const info = answer.namespaces.find((n) => n.inode === held.inode);
  if (!info) throw new Error(`namespace ${held.inode} not listed`);
  return info;
}

async function readThere(): Promise<NamespaceReading> {
  const read = await readInsideNamespaces(sandboxRunner(sandbox).run, [ref], SETTINGS);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const [reading] = read.readings;
  if (!reading) throw new Error('no reading');
  return reading;
}

test.beforeAll(async () => {
  hostBefore = HOST_VALUES();
  sandbox = await createSandbox();
  holders = await holdNamespaces(sandbox, 1);
  held = holders.held[0] as HeldNamespace;
  ref = { via: 'pid', pid: held.pid, inode: held.inode };
  ipThere('link', 'set', 'lo', 'up');
  ipThere('addr', 'add', `${VIP}/32`, 'dev', 'lo');
  config = `${sandbox.scratch}/haproxy.cfg`;
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
      'frontend vip',
      `  bind ${VIP}:${PORT}`,
      '  default_backend nowhere',
      'backend nowhere',
      '  server none 127.0.0.1:9',
      '',
    ].join('\n'),
  );
  haproxy = startHaproxy().child;
  await until(`haproxy listens on ${VIP}:${PORT}`, HAPROXY_MS, listensThere);
  // The failover: the VIP moves to another machine; haproxy's socket stays bound.
  ipThere('addr', 'del', `${VIP}/32`, 'dev', 'lo');
});

test.afterAll(async () => {
  await stopHaproxy();
  await holders?.release();
  await sandbox?.dispose();
  // Nothing left: the holder's namespace is gone with it, the host's values are as they were.
  expect(existsSync(`/proc/${held.pid}`)).toBe(false);
  expect(HOST_VALUES()).toBe(hostBefore);
});

test('the listing finds haproxy there with the VIP its own config binds, not held there', async () => {
  test.setTimeout(LISTING_MS + 30_000);
  const info = await heldNamespace();
  expect(info.own).toBe(false);
  expect(info.lasting).toEqual({ kind: 'resets-on-restart' });
  expect(info.loadBalancers).toEqual([
    {
      program: 'haproxy',
      pids: [haproxy?.pid],
      vips: [
        {
          address: VIP,
          port: PORT,
          family: 'IPv4',
          file: config,
          line: 9,
          assignedThere: false,
          needs: 'ipv4',
        },
      ],
      configFiles: [config],
      configProblem: null,
    },
  ]);
  expect(willFailFindings(info, null)).toMatchObject([{ address: VIP, value: 'unknown' }]);
});

test('read inside: off, so it will fail to start; and restarting haproxy does fail', async () => {
  test.setTimeout(LISTING_MS + 2 * HAPROXY_MS + 30_000);
  const reading = await readThere();
  expect(reading).toMatchObject({
    inode: held.inode,
    ok: true,
    values: { ipv4: { kind: 'value', value: 0 } },
  });
  expect(valuesInside(sandbox, `/proc/${held.pid}/ns/net`)).toBe('0 0');
  const info = await heldNamespace();
  expect(willFailFindings(info, reading)).toEqual([
    {
      inode: held.inode,
      program: 'haproxy',
      pid: haproxy?.pid,
      address: VIP,
      setting: 'ipv4',
      value: 'off',
      container: null,
    },
  ]);
  // The prediction holds: a restart there cannot bind the VIP.
  await stopHaproxy();
  const again = startHaproxy();
  const outcome = await Promise.race([
    again.ended,
    new Promise<null>((resolve) => setTimeout(resolve, HAPROXY_MS, null)),
  ]);
  if (outcome === null) again.child.kill('SIGKILL');
  expect(outcome?.code).not.toBe(0);
  expect(outcome?.stderr).toContain('cannot bind socket');
  expect(listensThere()).toBe(false);
});

test('turned on in that namespace only, read back 1; haproxy then starts and listens there', async () => {
  test.setTimeout(LISTING_MS + HAPROXY_MS + 30_000);
  const set = await setInsideNamespace(sandboxRunner(sandbox).run, ref, { ipv4: 1 }, SETTINGS);
  if (!set.ok) throw new Error(JSON.stringify(set.error));
  expect(set.reading).toMatchObject({
    inode: held.inode,
    ok: true,
    values: { ipv4: { kind: 'value', value: 1 } },
  });
  expect(valuesInside(sandbox, `/proc/${held.pid}/ns/net`)).toBe('1 0');
  expect(HOST_VALUES()).toBe(hostBefore);

  haproxy = startHaproxy().child;
  await until(`haproxy listens on ${VIP}:${PORT} again`, HAPROXY_MS, listensThere);
  // The listing agrees: no finding once the value read inside is on.
  const info = await heldNamespace();
  expect(info.loadBalancers[0]?.vips?.[0]).toMatchObject({ address: VIP, assignedThere: false });
  expect(willFailFindings(info, await readThere())).toEqual([]);
});
