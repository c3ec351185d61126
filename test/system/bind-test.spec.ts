import { test, expect } from '@playwright/test';
import { describeNotLocal, BIND_WORDS } from '../../electron/system/bind-test';
import { bundleForChild } from '../support/bundle';
import { createSandbox, type Sandbox } from '../support/sandbox';

// The real kernel in a fresh network namespace decides every outcome here.
let sandbox: Sandbox;
let cli: Promise<string> | null = null;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  cli ??= bundleForChild('test/system/fixtures/bind-test-cli.ts');
});
test.afterEach(async () => {
  await sandbox.dispose();
});

interface ChildResult {
  readonly outcome: string;
  readonly message: string;
  readonly assignedLocally: boolean;
  readonly family: string;
  readonly port: number;
}

async function bindInSandbox(
  request: { address: string; port?: number; occupy?: boolean },
  asNobody = false,
): Promise<ChildResult> {
  const argv = [process.execPath, await (cli as Promise<string>), JSON.stringify(request)];
  const [command, ...args] = asNobody
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv]
    : argv;
  const result = sandbox.run(command as string, args, { allowFailure: true, cwd: '/' });
  if (result.status !== 0) throw new Error(`bind child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

const setSetting = (family: 'ipv4' | 'ipv6', value: 0 | 1) =>
  sandbox.run('sh', ['-c', `echo ${value} > /proc/sys/net/${family}/ip_nonlocal_bind`]);

test('IPv4 192.0.2.10: fails with the setting 0, works with 1', async () => {
  setSetting('ipv4', 0);
  expect(await bindInSandbox({ address: '192.0.2.10' })).toMatchObject({
    outcome: 'not-local',
    message: describeNotLocal('IPv4'),
    assignedLocally: false,
    family: 'IPv4',
  });
  expect(describeNotLocal('IPv4')).toBe(
    "fails: this address isn't on this computer; turn on IPv4 non-local bind",
  );
  setSetting('ipv4', 1);
  expect(await bindInSandbox({ address: '192.0.2.10', port: 8080 })).toMatchObject({
    outcome: 'works',
    message: 'works',
    assignedLocally: false,
  });
});

test('IPv6 2001:db8::10: fails with the setting 0 (even with IPv4 on), works with 1', async () => {
  setSetting('ipv4', 1);
  setSetting('ipv6', 0);
  expect(await bindInSandbox({ address: '2001:db8::10' })).toMatchObject({
    outcome: 'not-local',
    message: "fails: this address isn't on this computer; turn on IPv6 non-local bind",
    family: 'IPv6',
  });
  setSetting('ipv6', 1);
  expect(await bindInSandbox({ address: '2001:db8::10', port: 443 })).toMatchObject({
    outcome: 'works',
    message: 'works',
    family: 'IPv6',
  });
});

test('a local address works with the setting 0 and says the setting is not needed', async () => {
  setSetting('ipv4', 0);
  expect(await bindInSandbox({ address: '192.0.2.77' })).toMatchObject({ outcome: 'not-local' });
  sandbox.run('ip', ['addr', 'add', '192.0.2.77/32', 'dev', 'lo']);
  expect(await bindInSandbox({ address: '192.0.2.77' })).toEqual({
    outcome: 'works',
    message: `works; ${BIND_WORDS.alreadyLocal}`,
    assignedLocally: true,
    family: 'IPv4',
    port: 0,
  });
  sandbox.run('ip', ['-6', 'addr', 'add', '2001:db8::77/128', 'dev', 'lo', 'nodad']);
  expect(await bindInSandbox({ address: '2001:0db8:0::77' })).toMatchObject({
    outcome: 'works',
    assignedLocally: true,
    family: 'IPv6',
  });
});

test('a port another socket holds is "port in use"', async () => {
  const result = await bindInSandbox({ address: '127.0.0.1', occupy: true });
  expect(result.port).toBeGreaterThan(0);
  expect(result).toMatchObject({
    outcome: 'port-in-use',
    message: `${BIND_WORDS.portInUse}; ${BIND_WORDS.alreadyLocal}`,
    assignedLocally: true,
  });
  setSetting('ipv6', 1);
  expect(await bindInSandbox({ address: '2001:db8::10', occupy: true })).toMatchObject({
    outcome: 'port-in-use',
    message: 'port in use',
    assignedLocally: false,
  });
});

test('ports below 1024 as a non-root user: "need root"; as root the same port works', async () => {
  setSetting('ipv4', 1);
  expect(await bindInSandbox({ address: '192.0.2.10', port: 80 }, true)).toMatchObject({
    outcome: 'needs-root',
    message: "ports below 1024 need root; the test can't check them",
  });
  expect(await bindInSandbox({ address: '192.0.2.10', port: 1024 }, true)).toMatchObject({
    outcome: 'works',
  });
  expect(await bindInSandbox({ address: '192.0.2.10', port: 80 })).toMatchObject({
    outcome: 'works',
  });
});

test('a link-local IPv6 address with its zone binds on that interface', async () => {
  sandbox.run('ip', ['-6', 'addr', 'add', 'fe80::77/64', 'dev', 'lo', 'nodad']);
  expect(await bindInSandbox({ address: 'fe80::77%lo' })).toMatchObject({
    outcome: 'works',
    assignedLocally: true,
    family: 'IPv6',
  });
});
