import { test, expect } from '@playwright/test';
import type { BindTestResult } from '../../electron/contract';
import type { BindTarget } from '../../electron/system/bind-test';
import {
  bindTestInsideNamespace,
  setInsideNamespace,
} from '../../electron/system/netns/namespace-step';
import type { NamespaceRef } from '../../electron/system/netns/namespace-step-types';
import { SETTINGS } from '../../electron/system/settings';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import {
  holdNamespaces,
  sandboxRunner,
  type HeldNamespace,
  type Holders,
} from '../harness/netns-holders';

// Issue 18, "Prove it where the service runs": the bind test runs inside the chosen
// namespace (the node bind program, run by the step there), so an address held only there
// binds, and a TEST-NET address binds only once the setting is on there. Bind only: port 0,
// nothing listens, nothing connects.

let sandbox: Sandbox;
let holders: Holders | null = null;

test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await holders?.release();
  holders = null;
  await sandbox.dispose();
});

const HELD_THERE = '198.51.100.7';
const HELD_THERE_V6 = '2001:db8:5::7';
const NOT_THERE = '192.0.2.10';
const NOT_THERE_V6 = '2001:db8::10';

const target = (address: string): BindTarget => ({
  address,
  port: 8080,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
});

const outcomes = (results: readonly BindTestResult[]) =>
  Object.fromEntries(results.map((r) => [r.address, r.outcome]));

test('inside a namespace, its own addresses bind and TEST-NET ones bind only once the setting is on there', async () => {
  holders = await holdNamespaces(sandbox, 1);
  const [ns] = holders.held as [HeldNamespace];
  // The addresses on loopback (no dummy driver on these machines), inside that namespace only.
  sandbox.run('nsenter', [
    `--net=/proc/${ns.pid}/ns/net`,
    'sh',
    '-c',
    `ip link set lo up && ip addr add ${HELD_THERE}/32 dev lo &&
     ip -6 addr add ${HELD_THERE_V6}/128 dev lo nodad`,
  ]);
  const ref: NamespaceRef = { via: 'pid', pid: ns.pid, inode: ns.inode };
  const addresses = [HELD_THERE, NOT_THERE, '127.0.0.1', HELD_THERE_V6, NOT_THERE_V6].map(target);
  const runner = sandboxRunner(sandbox);

  const before = await bindTestInsideNamespace(runner.run, ref, addresses);
  if (!before.ok) throw new Error(JSON.stringify(before.error));
  expect(outcomes(before.value)).toEqual({
    [HELD_THERE]: 'works',
    [NOT_THERE]: 'not-local',
    '127.0.0.1': 'works',
    [HELD_THERE_V6]: 'works',
    [NOT_THERE_V6]: 'not-local',
  });
  // What ran and how: the node bind program, port 0, whether the address is held not asked.
  expect(before.value.every((r) => r.via === 'python3' || r.via === 'perl')).toBe(true);
  expect(before.value.every((r) => r.port === 0 && r.assignedLocally === null)).toBe(true);

  // The same address from the sandbox's own namespace: not held here, so it is not local.
  const own = Number(sandbox.run('stat', ['-L', '-c', '%i', '/proc/self/ns/net']).stdout);
  const here = await bindTestInsideNamespace(
    runner.run,
    { via: 'pid', pid: sandbox.pid, inode: own },
    [target(HELD_THERE)],
  );
  expect(here.ok && outcomes(here.value)).toEqual({ [HELD_THERE]: 'not-local' });

  const on = await setInsideNamespace(runner.run, ref, { ipv4: 1 }, SETTINGS);
  expect(on.ok).toBe(true);
  const after = await bindTestInsideNamespace(runner.run, ref, addresses);
  expect(after.ok && outcomes(after.value)).toEqual({
    [HELD_THERE]: 'works',
    [NOT_THERE]: 'works',
    '127.0.0.1': 'works',
    [HELD_THERE_V6]: 'works',
    [NOT_THERE_V6]: 'not-local',
  });
  await setInsideNamespace(runner.run, ref, { ipv6: 1 }, SETTINGS);
  const both = await bindTestInsideNamespace(runner.run, ref, [target(NOT_THERE_V6)]);
  expect(both.ok && outcomes(both.value)).toEqual({ [NOT_THERE_V6]: 'works' });
  expect(runner.runs()).toBe(6);
});

test('a bind test in a namespace that is gone or changed is refused with its code; bad addresses never reach the step', async () => {
  holders = await holdNamespaces(sandbox, 1);
  const [ns] = holders.held as [HeldNamespace];
  const runner = sandboxRunner(sandbox);
  const changed = await bindTestInsideNamespace(
    runner.run,
    { via: 'pid', pid: ns.pid, inode: ns.inode + 1 },
    [target(NOT_THERE)],
  );
  expect(changed.ok ? 'ok' : changed.error.code).toBe('netns-unknown');
  await holders.release();
  const gone = await bindTestInsideNamespace(
    runner.run,
    { via: 'pid', pid: ns.pid, inode: ns.inode },
    [target(NOT_THERE)],
  );
  expect(gone.ok ? 'ok' : gone.error.code).toBe('netns-unknown');
  expect(runner.runs()).toBe(2);
  for (const address of ['example.com', 'fe80::1%lo', '', '1.2.3', '::1 ::2']) {
    const r = await bindTestInsideNamespace(
      runner.run,
      { via: 'pid', pid: ns.pid, inode: ns.inode },
      [target(address)],
    );
    expect(r.ok ? 'ok' : r.error.code, address).toBe('invalid-request');
  }
  expect(runner.runs()).toBe(2);
});
