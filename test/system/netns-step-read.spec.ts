import { test, expect } from '@playwright/test';
import { readInsideNamespaces } from '../../electron/system/netns/namespace-step';
import type { NamespaceRef } from '../../electron/system/netns/namespace-step-types';
import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import { SETTINGS } from '../../electron/system/settings';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import {
  addNamed,
  deleteNamed,
  holdNamespaces,
  inodeOf,
  privateRun,
  sandboxRunner,
  valuesInside,
  type HeldNamespace,
  type Holders,
} from '../harness/netns-holders';
import { runStepInSandbox } from '../harness/run-step';

// Issue 18, "Read inside them": the step reads inside many network namespaces in one run,
// and enters only the namespace the app listed: by a process in it or its `ip netns` name,
// each checked by inode. Real namespaces, made inside a sandbox whose /run is its own.

let sandbox: Sandbox;
let holders: Holders[] = [];
const NAMES = ['lb-one', 'cni-2f6c.x_y'];

test.beforeEach(async () => {
  sandbox = await createSandbox();
  privateRun(sandbox);
});
test.afterEach(async () => {
  for (const h of holders) await h.release();
  holders = [];
  deleteNamed(sandbox, NAMES);
  await sandbox.dispose();
});

/** Gives namespace i the values (i % 2, (i >> 1) % 2), so no two neighbours read alike. */
function spread(where: readonly string[]): void {
  for (const [i, w] of where.entries()) {
    sandbox.run('nsenter', [
      `--net=${w}`,
      'sh',
      '-c',
      'echo $1 > /proc/sys/net/ipv4/ip_nonlocal_bind && echo $2 > /proc/sys/net/ipv6/ip_nonlocal_bind',
      'sh',
      String(i % 2),
      String((i >> 1) % 2),
    ]);
  }
}

// The step reads them all in one perl process where perl runs, else with one nsenter each:
// both ways, the second with perl replaced by /bin/false in the sandbox's mount namespace.
const WAYS = ['perl', 'nsenter'] as const;
function use(way: (typeof WAYS)[number]): void {
  if (way === 'nsenter') sandbox.run('mount', ['--bind', '/bin/false', '/usr/bin/perl']);
}

for (const way of WAYS) {
  test(`${way}: 20 namespaces, held by processes and named, are read in one run of the step, each as nsenter reads it`, async () => {
    use(way);
    const hold = await holdNamespaces(sandbox, 18);
    holders.push(hold);
    const held = hold.held;
    const named = addNamed(sandbox, NAMES);
    const refs: NamespaceRef[] = [
      ...held.map((h): NamespaceRef => ({ via: 'pid', pid: h.pid, inode: h.inode })),
      ...NAMES.map((name): NamespaceRef => ({ via: 'name', name, inode: named.get(name) ?? 0 })),
    ];
    const where = [
      ...held.map((h) => `/proc/${h.pid}/ns/net`),
      ...NAMES.map((n) => `/run/netns/${n}`),
    ];
    spread(where);
    const runner = sandboxRunner(sandbox);
    const result = await readInsideNamespaces(runner.run, refs, SETTINGS);
    expect(runner.runs()).toBe(1);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.readings).toHaveLength(20);
    const seen = result.readings.map((r) => {
      if (!r.ok) return `${r.inode} ${r.problem}`;
      const v = (id: string) => {
        const reading = r.values[id];
        return reading?.kind === 'value' ? String(reading.value) : JSON.stringify(reading);
      };
      return `${r.inode} ${v('ipv4')} ${v('ipv6')}`;
    });
    expect(seen).toEqual(
      refs.map((ref, i) => `${ref.inode} ${valuesInside(sandbox, where[i] ?? '')}`),
    );
    // The spread really differs between namespaces: the test would see a read of one namespace twice.
    expect(new Set(seen.map((s) => s.split(' ').slice(1).join(' '))).size).toBe(4);
    // Nothing is left behind: the holders' namespaces end with them, the names are deleted.
    await hold.release();
    deleteNamed(sandbox, NAMES);
    expect(held.map((h) => inodeOf(sandbox, h.pid))).toEqual(held.map(() => null));
    expect(sandbox.run('ip', ['netns', 'list']).stdout).toBe('');
  });

  test(`${way}: a process gone, a pid now in another namespace, and names that are no namespace file are refused, the rest read, in the same run`, async () => {
    use(way);
    const hold = await holdNamespaces(sandbox, 2);
    holders.push(hold);
    const [alive, ended] = hold.held as [HeldNamespace, HeldNamespace];
    sandbox.run('kill', [String(ended.pid)]);
    await expect.poll(() => inodeOf(sandbox, ended.pid), { timeout: 10_000 }).toBeNull();
    // A process that leaves its first namespace for a new one: its pid now leads elsewhere.
    const fifo = `${sandbox.scratch}/move`;
    sandbox.run('mkfifo', [fifo]);
    const move = await holdNamespaces(sandbox, 1, { moveOn: fifo });
    holders.push(move);
    const { pid: moverPid, inode: moverInode } = move.held[0] as HeldNamespace;
    sandbox.run('sh', ['-c', 'echo go > "$1"', 'sh', fifo]);
    await expect.poll(() => inodeOf(sandbox, moverPid), { timeout: 10_000 }).not.toBe(moverInode);
    const named = addNamed(sandbox, NAMES.slice(0, 1));
    const real = named.get('lb-one') ?? 0;
    // A link to a real namespace, a FIFO (an open would block), a plain file, a directory.
    sandbox.run('sh', [
      '-c',
      `ln -s /run/netns/lb-one /run/netns/link && mkfifo /run/netns/fifo && : > /run/netns/file && mkdir /run/netns/dir`,
    ]);
    const refs: NamespaceRef[] = [
      { via: 'pid', pid: alive.pid, inode: alive.inode },
      { via: 'pid', pid: ended.pid, inode: ended.inode },
      { via: 'pid', pid: moverPid, inode: moverInode },
      { via: 'pid', pid: alive.pid, inode: real },
      { via: 'name', name: 'link', inode: real },
      { via: 'name', name: 'fifo', inode: real },
      { via: 'name', name: 'file', inode: real },
      { via: 'name', name: 'dir', inode: real },
      { via: 'name', name: 'absent', inode: real },
      { via: 'name', name: 'lb-one', inode: alive.inode },
      { via: 'name', name: 'lb-one', inode: real },
    ];
    const runner = sandboxRunner(sandbox);
    const started = Date.now();
    const result = await readInsideNamespaces(runner.run, refs, SETTINGS);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(runner.runs()).toBe(1);
    expect(result.readings.map((r) => (r.ok ? 'ok' : r.problem))).toEqual([
      'ok',
      'gone',
      'changed',
      'changed',
      'cannot-enter',
      'cannot-enter',
      'cannot-enter',
      'cannot-enter',
      'gone',
      'changed',
      'ok',
    ]);
    // Nothing waited on the FIFO: the run took what reading two namespaces takes, not a hang.
    expect(Date.now() - started).toBeLessThan(30_000);
    sandbox.run('sh', [
      '-c',
      'rm -rf /run/netns/link /run/netns/fifo /run/netns/file /run/netns/dir',
    ]);
  });
}

/** Raw argument vectors the step refuses with 64 before it opens any namespace. */
const HOSTILE: readonly (readonly [string, readonly string[]])[] = [
  ['no namespace', ['v2', '--', 'ns-read']],
  [
    'a setting with ns-read',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'ns-read', 'pid/1/4026531840'],
  ],
  ['colon form', ['v2', '--', 'ns-read', 'pid:1:4026531840']],
  ['leading zero pid', ['v2', '--', 'ns-read', 'pid/01/4026531840']],
  ['zero pid', ['v2', '--', 'ns-read', 'pid/0/4026531840']],
  ['leading zero inode', ['v2', '--', 'ns-read', 'pid/1/04026531840']],
  ['pid too long', ['v2', '--', 'ns-read', 'pid/12345678/4026531840']],
  ['inode too long', ['v2', '--', 'ns-read', `pid/1/${'9'.repeat(21)}`]],
  ['signed pid', ['v2', '--', 'ns-read', 'pid/-1/4026531840']],
  ['pid path', ['v2', '--', 'ns-read', 'pid/1/../4026531840']],
  ['name with slash', ['v2', '--', 'ns-read', 'name/a/b/4026531840']],
  ['name dot-dot', ['v2', '--', 'ns-read', 'name/../4026531840']],
  ['hidden name', ['v2', '--', 'ns-read', 'name/.x/4026531840']],
  ['name with space', ['v2', '--', 'ns-read', 'name/a b/4026531840']],
  ['name with star', ['v2', '--', 'ns-read', 'name/*/4026531840']],
  ['name too long', ['v2', '--', 'ns-read', `name/${'a'.repeat(256)}/4026531840`]],
  ['empty name', ['v2', '--', 'ns-read', 'name//4026531840']],
  ['unknown kind', ['v2', '--', 'ns-read', 'path/run/4026531840']],
  ['no inode', ['v2', '--', 'ns-read', 'pid/1']],
  [
    '65 namespaces',
    ['v2', '--', 'ns-read', ...Array.from({ length: 65 }, () => 'pid/1/4026531840')],
  ],
  ['one bad among good', ['v2', '--', 'ns-read', 'pid/1/4026531840', 'name/a;b/1']],
  ['ns-set without a setting', ['v2', '--', 'ns-set', 'pid/1/4026531840']],
  [
    'ns-set two namespaces',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'ns-set', 'pid/1/1', 'pid/2/2'],
  ],
  ['ns-set a value of 2', ['v2', 'net.ipv4.ip_nonlocal_bind=2', '--', 'ns-set', 'pid/1/1']],
  ['ns-set a foreign key', ['v2', 'kernel.modprobe=1', '--', 'ns-set', 'pid/1/1']],
  ['ns-bind no address', ['v2', '--', 'ns-bind', 'pid/1/1']],
  ['ns-bind a host name', ['v2', '--', 'ns-bind', 'pid/1/1', 'example.com']],
  ['ns-bind 256 in a part', ['v2', '--', 'ns-bind', 'pid/1/1', '192.0.2.256']],
  ['ns-bind leading zero', ['v2', '--', 'ns-bind', 'pid/1/1', '192.0.2.010']],
  ['ns-bind three parts', ['v2', '--', 'ns-bind', 'pid/1/1', '192.0.2']],
  ['ns-bind two ::', ['v2', '--', 'ns-bind', 'pid/1/1', '2001--db8--1']],
  ['ns-bind a zone', ['v2', '--', 'ns-bind', 'pid/1/1', 'fe80--1%lo']],
  [
    'ns-bind 65 addresses',
    ['v2', '--', 'ns-bind', 'pid/1/1', ...Array.from({ length: 65 }, () => '127.0.0.1')],
  ],
];

test('hostile namespace, setting and address tokens are refused by the step with 64, and nothing is printed as read', async () => {
  const wrong: string[] = [];
  for (const [name, args] of HOSTILE) {
    const r = await runStepInSandbox(sandbox, args);
    if (r.code !== 64 || r.stdout.includes('ns 1') || !r.stderr.includes('nonlocal-bind:'))
      wrong.push(`${name}: exit ${r.code} ${r.stdout}${r.stderr}`);
  }
  expect(wrong).toEqual([]);
});

test('refs the step would refuse never reach it: the app refuses them first, with no run', async () => {
  const runner = sandboxRunner(sandbox);
  const bad: NamespaceRef[][] = [
    [],
    Array.from({ length: 65 }, (): NamespaceRef => ({ via: 'pid', pid: 1, inode: 4026531840 })),
    [{ via: 'pid', pid: 0, inode: 4026531840 }],
    [{ via: 'pid', pid: 1.5, inode: 4026531840 }],
    [{ via: 'pid', pid: 1, inode: -1 }],
    [{ via: 'pid', pid: 1, inode: Number.MAX_SAFE_INTEGER + 2 }],
    [{ via: 'name', name: '../x', inode: 4026531840 }],
    [{ via: 'name', name: '.x', inode: 4026531840 }],
    [{ via: 'name', name: 'a:b', inode: 4026531840 }],
    [{ via: 'name', name: 'a'.repeat(256), inode: 4026531840 }],
  ];
  for (const refs of bad) {
    const r = await readInsideNamespaces(runner.run, refs, SETTINGS);
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-request');
  }
  expect(runner.runs()).toBe(0);
});

test('perl’s own environment cannot load code into the step’s perl (a root caller’s PERL5OPT and PERL5DB)', async () => {
  const hold = await holdNamespaces(sandbox, 1);
  holders.push(hold);
  const [ns] = hold.held as [HeldNamespace];
  const marker = `${sandbox.scratch}/perl-ran-code`;
  const r = sandbox.run(
    'env',
    [
      'PERL5OPT=-d',
      `PERL5DB=BEGIN { open(my $f, ">", "${marker}") }`,
      '/bin/sh',
      '-s',
      '--',
      'v2',
      '--',
      'ns-read',
      `pid/${ns.pid}/${ns.inode}`,
    ],
    { input: PRIVILEGED_SCRIPT },
  );
  expect(r.stdout).toContain(`nonlocal-bind: ns 1 ${ns.inode} ok `);
  expect(sandbox.run('test', ['-e', marker], { allowFailure: true }).status).toBe(1);
});
