import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { setInsideNamespace } from '../../electron/system/netns/namespace-step';
import type { NamespaceReading } from '../../electron/system/netns/namespace-step-types';
import { SETTINGS } from '../../electron/system/settings';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import {
  addNamed,
  deleteNamed,
  holdNamespaces,
  privateRun,
  sandboxRunner,
  valuesInside,
  type HeldNamespace,
  type Holders,
} from '../harness/netns-holders';

// Issue 18, "turn it on now in this namespace": the step writes only inside the namespace
// it was asked for (checked by inode), reads every setting back there, and never changes
// the host's, the app's own or any other namespace's values.

let sandbox: Sandbox;
let holders: Holders | null = null;
const NAMES = ['web-lb', 'spare'];

test.beforeEach(async () => {
  sandbox = await createSandbox();
  privateRun(sandbox);
});
test.afterEach(async () => {
  await holders?.release();
  holders = null;
  deleteNamed(sandbox, NAMES);
  await sandbox.dispose();
});

const HOST_VALUES = () =>
  ['ipv4', 'ipv6']
    .map((f) => readFileSync(`/proc/sys/net/${f}/ip_nonlocal_bind`, 'utf8').trim())
    .join(' ');

function values(reading: NamespaceReading): string {
  if (!reading.ok) return reading.problem;
  return ['ipv4', 'ipv6']
    .map((id) => {
      const r = reading.values[id];
      return r?.kind === 'value' ? String(r.value) : JSON.stringify(r);
    })
    .join(' ');
}

test('setting inside one namespace changes only it, by pid and by name, and reads both settings back there', async () => {
  holders = await holdNamespaces(sandbox, 2);
  const [a, b] = holders.held as [HeldNamespace, HeldNamespace];
  const named = addNamed(sandbox, NAMES);
  const where = [
    `/proc/${a.pid}/ns/net`,
    `/proc/${b.pid}/ns/net`,
    ...NAMES.map((n) => `/run/netns/${n}`),
  ];
  const sandboxOwn = `/proc/${sandbox.pid}/ns/net`;
  const host = HOST_VALUES();
  const before = [...where, sandboxOwn].map((w) => valuesInside(sandbox, w));
  expect(before.slice(0, 4)).toEqual(['0 0', '0 0', '0 0', '0 0']);

  const runner = sandboxRunner(sandbox);
  const byPid = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: b.pid, inode: b.inode },
    { ipv4: 1 },
    SETTINGS,
  );
  if (!byPid.ok) throw new Error(JSON.stringify(byPid.error));
  expect(byPid.reading.inode).toBe(b.inode);
  expect(values(byPid.reading)).toBe('1 0');
  const webLb = named.get('web-lb') ?? 0;
  const byName = await setInsideNamespace(
    runner.run,
    { via: 'name', name: 'web-lb', inode: webLb },
    { ipv4: 1, ipv6: 1 },
    SETTINGS,
  );
  if (!byName.ok) throw new Error(JSON.stringify(byName.error));
  expect(values(byName.reading)).toBe('1 1');
  expect(runner.runs()).toBe(2);

  // Only those two changed, as nsenter reads them; the sandbox's own and the host's did not.
  expect([...where, sandboxOwn].map((w) => valuesInside(sandbox, w))).toEqual([
    '0 0',
    '1 0',
    '1 1',
    '0 0',
    before[4],
  ]);
  expect(HOST_VALUES()).toBe(host);

  // And back off again, through the same operation.
  const off = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: b.pid, inode: b.inode },
    { ipv4: 0 },
    SETTINGS,
  );
  expect(off.ok && values(off.reading)).toBe('0 0');
});

test('the step’s own namespace is refused (an Apply changes it), and a namespace gone or changed is reported, with nothing written', async () => {
  holders = await holdNamespaces(sandbox, 1);
  const [a] = holders.held as [HeldNamespace];
  const ownInode = Number(sandbox.run('stat', ['-L', '-c', '%i', '/proc/self/ns/net']).stdout);
  const ownBefore = valuesInside(sandbox, `/proc/${sandbox.pid}/ns/net`);
  const runner = sandboxRunner(sandbox);

  const own = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: sandbox.pid, inode: ownInode },
    { ipv4: ownBefore.startsWith('1') ? 0 : 1 },
    SETTINGS,
  );
  expect(own.ok ? 'ok' : own.error.code).toBe('netns-own');
  expect(valuesInside(sandbox, `/proc/${sandbox.pid}/ns/net`)).toBe(ownBefore);

  // The pid of namespace a, with another namespace's inode: changed.
  const changed = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: a.pid, inode: ownInode },
    { ipv4: 1 },
    SETTINGS,
  );
  expect(changed.ok && values(changed.reading)).toBe('changed');
  expect(valuesInside(sandbox, `/proc/${a.pid}/ns/net`)).toBe('0 0');
  expect(valuesInside(sandbox, `/proc/${sandbox.pid}/ns/net`)).toBe(ownBefore);

  await holders.release();
  const gone = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: a.pid, inode: a.inode },
    { ipv4: 1 },
    SETTINGS,
  );
  expect(gone.ok && values(gone.reading)).toBe('gone');
  const noName = await setInsideNamespace(
    runner.run,
    { via: 'name', name: 'spare', inode: a.inode },
    { ipv4: 1 },
    SETTINGS,
  );
  expect(noName.ok && values(noName.reading)).toBe('gone');
  expect(runner.runs()).toBe(4);

  // Settings outside the catalogue or values other than 0 and 1 never reach the step.
  const bad = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: a.pid, inode: a.inode },
    { forward: 1 },
    SETTINGS,
  );
  expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-request');
  const none = await setInsideNamespace(
    runner.run,
    { via: 'pid', pid: a.pid, inode: a.inode },
    {},
    SETTINGS,
  );
  expect(none.ok ? 'ok' : none.error.code).toBe('invalid-request');
  expect(runner.runs()).toBe(4);
});

test('a set inside a namespace does not wait for an Apply holding the lock: it takes no lock and writes no file', async () => {
  holders = await holdNamespaces(sandbox, 1);
  const [a] = holders.held as [HeldNamespace];
  // privateRun hid the sandbox's /run/nonlocal-bind: a fresh one, on the sandbox's tmpfs.
  sandbox.run('mkdir', ['-m', '0711', '/run/nonlocal-bind']);
  // flock runs a shell that says its pid and becomes sleep: stopping that ends flock too.
  const holder = sandbox.spawn(
    'flock',
    ['/run/nonlocal-bind/apply.lock', 'sh', '-c', 'echo $$; exec sleep 600'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const sleeper = await new Promise<string>((resolve) =>
    holder.stdout?.once('data', (c: Buffer) => resolve(c.toString().trim())),
  );
  try {
    const held = sandbox.run('flock', ['-n', '/run/nonlocal-bind/apply.lock', 'true'], {
      allowFailure: true,
    });
    expect(held.status).toBe(1);
    const listing = sandbox.run('ls', ['-A', '/run/nonlocal-bind']).stdout;
    const started = Date.now();
    const r = await setInsideNamespace(
      sandboxRunner(sandbox).run,
      { via: 'pid', pid: a.pid, inode: a.inode },
      { ipv6: 1 },
      SETTINGS,
    );
    expect(r.ok && values(r.reading)).toBe('0 1');
    // An Apply would wait up to 5 minutes for that lock; this took what a write takes.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(sandbox.run('ls', ['-A', '/run/nonlocal-bind']).stdout).toBe(listing);
  } finally {
    sandbox.run('kill', [sleeper], { allowFailure: true });
  }
});

test('a write the kernel refuses inside the namespace fails the set, changes nothing, and offers the command', async () => {
  holders = await holdNamespaces(sandbox, 1);
  const [a] = holders.held as [HeldNamespace];
  // /proc/sys read-only in the sandbox's mount namespace: the step's writes there fail. (A
  // read-only bind of /proc/sys/net/ipv6 alone does not reach another namespace's entries,
  // whose dentries are that namespace's own, so a first write that succeeds and a second
  // that fails cannot be staged here.)
  const sys = '/proc/sys';
  sandbox.run('sh', ['-c', `mount --bind ${sys} ${sys} && mount -o remount,bind,ro ${sys}`]);
  const r = await setInsideNamespace(
    sandboxRunner(sandbox).run,
    { via: 'pid', pid: a.pid, inode: a.inode },
    { ipv4: 1, ipv6: 1 },
    SETTINGS,
  );
  expect(r.ok ? 'ok' : r.error.code).toBe('step-failed');
  expect(r.ok ? [] : r.error.alternatives).toEqual([
    {
      caption: { kind: 'nsenter-now', pid: a.pid },
      commands: `sudo nsenter --net=/proc/${a.pid}/ns/net sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1`,
    },
  ]);
  sandbox.run('umount', [sys]);
  expect(valuesInside(sandbox, `/proc/${a.pid}/ns/net`)).toBe('0 0');
});
