import { test, expect } from '@playwright/test';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { bundleForChild } from '../harness/bundle';

let sandbox: Sandbox;
let cli: string;
test.beforeAll(async () => {
  cli = await bundleForChild('test/system/fixtures/bind-test-cli.ts');
});
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

const run = (args: string[], asNobody = false) => {
  const argv = asNobody
    ? [
        'setpriv',
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        cli,
        ...args,
      ]
    : [process.execPath, cli, ...args];
  return JSON.parse(sandbox.run(argv[0] as string, argv.slice(1)).stdout) as Record<
    string,
    unknown
  >[];
};

test('IPv4 and IPv6 virtual IPs fail with the setting off and work with it on, per family', () => {
  const before = run(['192.0.2.10', '', '2001:db8::10', '']);
  expect(before.map((r) => [r.outcome, r.message, r.assignedLocally])).toEqual([
    [
      'not-local',
      'fails: this computer does not hold this address, and IPv4 non-local bind is off; turn it on to let services listen here',
      false,
    ],
    [
      'not-local',
      'fails: this computer does not hold this address, and IPv6 non-local bind is off; turn it on to let services listen here',
      false,
    ],
  ]);
  sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
  expect(run(['192.0.2.10', '8080', '2001:db8::10', '']).map((r) => r.outcome)).toEqual([
    'works',
    'not-local',
  ]);
  sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv6/ip_nonlocal_bind']);
  expect(run(['[2001:db8::10]', '0']).map((r) => r.message)).toEqual([
    'works: this computer does not hold the address yet, and IPv6 non-local bind lets services listen on it anyway',
  ]);
});

test('loopback addresses are this computer’s own, whatever the setting', () => {
  const results = run(['127.0.0.1', '', '127.1.2.3', '', '::1', '']);
  expect(results.map((r) => [r.outcome, r.assignedLocally])).toEqual([
    ['works', true],
    ['works', true],
    ['works', true],
  ]);
  expect(results[0]?.message).toBe(
    "works: the address belongs to this computer, so the setting isn't needed for it",
  );
});

test('the any-address is neither loopback nor an interface address: it is all of them, setting or not', () => {
  const results = run(['0.0.0.0', '', '::', '', '[::]', '']);
  const words =
    "works: this is the any-address (all of this computer's addresses), which never needs non-local bind";
  expect(results.map((r) => [r.outcome, r.anyAddress, r.assignedLocally, r.message])).toEqual([
    ['works', true, true, words],
    ['works', true, true, words],
    ['works', true, true, words],
  ]);
  expect(run(['127.0.0.1', ''])[0]).toMatchObject({ anyAddress: false });
});

test('an address already on this computer works without the setting, and says so', () => {
  sandbox.run('ip', ['addr', 'add', '192.0.2.77/32', 'dev', 'lo']);
  const [result] = run(['192.0.2.77', '']);
  expect(result).toMatchObject({
    outcome: 'works',
    assignedLocally: true,
    message: "works: the address belongs to this computer, so the setting isn't needed for it",
  });
});

test('a local IPv6 address written another way is still recognised as local', () => {
  sandbox.run('ip', ['-6', 'addr', 'add', '2001:db8::77/128', 'dev', 'lo', 'nodad']);
  const [result] = run(['2001:0db8:0:0::77', '']);
  expect(result).toMatchObject({ outcome: 'works', assignedLocally: true, family: 'IPv6' });
});

test('port in use, and ports below 1024 for a normal user', () => {
  sandbox.run('ip', ['addr', 'add', '192.0.2.78/32', 'dev', 'lo']);
  const [inUse] = run(['--hold', '192.0.2.78 8443', '192.0.2.78', '8443']);
  expect(inUse).toMatchObject({
    outcome: 'port-in-use',
    message: 'port in use: another program already listens there',
  });
  const [low] = run(['192.0.2.78', '80'], true);
  expect(low).toMatchObject({
    outcome: 'needs-root',
    message: "ports below 1024 need root; the test can't check them",
  });
});

test('invalid inputs are rejected before anything is opened', () => {
  const results = run([
    'haproxy.example.com',
    '',
    'not an ip',
    '',
    '192.0.2.1',
    '70000',
    '192.0.2.1',
    '-1',
    'fe80::1',
    '',
    '192.0.2.1',
    'http',
  ]);
  expect(results.map((r) => r.invalid)).toEqual([
    '"haproxy.example.com" looks like a host name. Enter an IP address: the test never looks names up.',
    '"not an ip" is not an IPv4 or IPv6 address.',
    'The port must be a whole number from 0 to 65535 (0 picks any free port).',
    'The port must be a whole number from 0 to 65535 (0 picks any free port).',
    'Link-local IPv6 addresses need a zone (the interface), for example fe80::1%eth0.',
    'The port must be a whole number from 0 to 65535 (0 picks any free port).',
  ]);
});
