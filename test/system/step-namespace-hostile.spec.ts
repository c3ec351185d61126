import { test, expect } from '@playwright/test';
import type { Sandbox } from '../harness/sandbox';
import { createDelegatedUserSandbox, type DelegatedUserSandbox } from '../support/delegated-user';
import { holdNamespaces, valuesInside, type Holders } from '../harness/netns-holders';
import { HELPER_PATH } from '../../electron/system/step-helper';

/**
 * A delegated polkit user's attacks on the step's namespace operations (ns-read, ns-set,
 * ns-bind; docs/step-protocol.md, "Inside other network namespaces"), through real pkexec
 * and the packaged helper, found by an adversarial review of issue 18:
 * - `pkexec --keep-cwd` keeps the caller's working directory, and `python3 -c` puts the
 *   working directory first on its module path: a socket.py there ran as root inside
 *   ns-bind. The step now leaves for / before it runs any program;
 * - an ADDRESS of hex groups that is no IP literal (`1-2-3`) reached the bind program,
 *   which looked it up as a host name through NSS (as root, inside the namespace): the
 *   step now refuses what is not an IPv6 literal (eight groups, or fewer around one `::`,
 *   a dotted quad only last), exit 64 as the protocol says.
 * The rest held before this review and stay as guards: the environment a caller hands
 * pkexec (PYTHONPATH, PERL5OPT, ENV …) loads nothing, `pkexec --user` another account
 * enters no namespace, no KEY token names another file,
 * ns-set refuses the step's own namespace however it is named, an inode that is not the
 * pid's namespace any more changes nothing, and the number of namespaces is capped.
 */
const USER = 'nbtest-nsadversary';
/** Another account, which the polkit rule does not stop pkexec --user from naming. */
const OTHER = 'nbtest-nsother';
const IPV4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

let sandbox: Sandbox;
let asUser: DelegatedUserSandbox['asUser'];
let holders: Holders;
/** A directory the delegated user owns, and the marker only the caller's modules write. */
let userDir: string;
let marker: string;

test.beforeAll(async () => {
  ({ sandbox, asUser } = await createDelegatedUserSandbox(USER));
  holders = await holdNamespaces(sandbox, 2);
  userDir = `${sandbox.scratch}/caller`;
  // Where any account may write: a module run as another user than root shows too.
  sandbox.run('install', ['-d', '-m', '1777', `${sandbox.scratch}/marks`]);
  marker = `${sandbox.scratch}/marks/ran`;
  sandbox.run('install', ['-d', '-o', USER, '-m', '0755', userDir]);
  sandbox.run('useradd', ['--no-log-init', '--no-create-home', '--shell', '/bin/sh', OTHER]);
  // What a caller's module would do as root (or another user): leave a mark.
  const payload = `import os\nopen(${JSON.stringify(marker)}, "w").write(str(os.getuid()))\n`;
  for (const file of ['socket.py', 'errno.py', 'sitecustomize.py', 'usercustomize.py'])
    sandbox.writeText(`${userDir}/${file}`, payload);
  sandbox.writeText(`${userDir}/Evil.pm`, `open(my $f, ">", "${marker}"); print $f $<; 1;\n`);
  sandbox.writeText(`${userDir}/Socket.pm`, `open(my $f, ">", "${marker}"); print $f $<; 1;\n`);
  sandbox.writeText(`${userDir}/env.sh`, `echo $(id -u) > ${marker}\n`);
  sandbox.run('chown', ['-R', USER, userDir]);
});
test.afterAll(async () => {
  await holders?.release();
  await sandbox?.dispose();
});
test.beforeEach(() => {
  sandbox.run('rm', ['-f', marker]);
});

const ref = (i: number) => {
  const h = holders.held[i];
  if (!h) throw new Error(`no namespace ${i}`);
  return { arg: `pid/${h.pid}/${h.inode}`, where: `/proc/${h.pid}/ns/net`, inode: h.inode };
};
const helper = (...args: string[]) => ['pkexec', '--disable-internal-agent', HELPER_PATH, ...args];
const ranAtAll = () => sandbox.run('test', ['-e', marker], { allowFailure: true }).status === 0;

test("ns-bind runs no module from the caller's working directory (pkexec --keep-cwd)", () => {
  const ns = ref(0);
  const r = asUser([
    'env',
    '-C',
    userDir,
    'pkexec',
    '--keep-cwd',
    '--disable-internal-agent',
    HELPER_PATH,
    'v2',
    '--',
    'ns-bind',
    ns.arg,
    '127.0.0.1',
  ]);
  expect(ranAtAll(), r.stdout + r.stderr).toBe(false);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('PROGRAM python3\nRESULT 127.0.0.1 works');
});

test("root's own run of the step from a directory anyone can write runs no module from it", () => {
  // An administrator's shell in /tmp (or a node's sudo, which keeps the user's directory).
  const ns = ref(0);
  const r = sandbox.run(
    'sh',
    [
      '-c',
      'cd "$1" && shift && exec sh "$@"',
      'sh',
      userDir,
      HELPER_PATH,
      'v2',
      '--',
      'ns-bind',
      ns.arg,
      '127.0.0.1',
    ],
    { allowFailure: true },
  );
  expect(ranAtAll(), r.stdout + r.stderr).toBe(false);
  expect(r.stdout).toContain('RESULT 127.0.0.1 works');
});

test("pkexec --user another account: the step runs nothing of the caller's as them either", () => {
  // The rule lets the group run the action as any user; as anyone but root the step can
  // enter no namespace (setns needs CAP_SYS_ADMIN), so no program runs inside.
  const ns = ref(0);
  const as = (...args: string[]) =>
    asUser([
      'env',
      '-C',
      userDir,
      'pkexec',
      '--user',
      OTHER,
      '--keep-cwd',
      '--disable-internal-agent',
      HELPER_PATH,
      ...args,
    ]);
  const bind = as('v2', '--', 'ns-bind', ns.arg, '127.0.0.1');
  expect(bind.stdout, bind.stderr).toBe(`nonlocal-bind: ns 1 ${ns.inode} cannot-enter\n`);
  const read = as('v2', '--', 'ns-read', ns.arg);
  expect(read.stdout, read.stderr).toContain(`nonlocal-bind: ns 1 ${ns.inode} cannot-enter\n`);
  expect(ranAtAll()).toBe(false);
});

test("the environment a caller hands pkexec loads no code into the step's programs", () => {
  const ns = ref(0);
  const env = [
    `PYTHONPATH=${userDir}`,
    `PYTHONSTARTUP=${userDir}/socket.py`,
    `PYTHONUSERBASE=${userDir}`,
    `PERL5OPT=-MEvil`,
    `PERL5LIB=${userDir}`,
    `PERLLIB=${userDir}`,
    `ENV=${userDir}/env.sh`,
    `BASH_ENV=${userDir}/env.sh`,
    'LC_ALL=C.UTF-8',
    'LANG=xx_XX.UTF-8',
  ];
  const read = asUser(['env', ...env, ...helper('v2', '--', 'ns-read', ns.arg)]);
  expect(read.status, read.stderr).toBe(0);
  const bind = asUser(['env', ...env, ...helper('v2', '--', 'ns-bind', ns.arg, '127.0.0.1')]);
  expect(bind.status, bind.stderr).toBe(0);
  expect(bind.stdout).toContain('RESULT 127.0.0.1 works');
  expect(ranAtAll()).toBe(false);
});

test('no KEY token of ns-set names another file or value: each is refused, nothing changes', () => {
  const ns = ref(0);
  sandbox.run('nsenter', [`--net=${ns.where}`, 'sh', '-c', `echo 0 > ${IPV4}`]);
  const before = valuesInside(sandbox, ns.where);
  const forwardBefore = sandbox.run('nsenter', [
    `--net=${ns.where}`,
    'cat',
    '/proc/sys/net/ipv4/ip_forward',
  ]).stdout;
  for (const token of [
    'net.ipv4.ip_nonlocal_bind/../ip_forward=1',
    'net/ipv4/ip_nonlocal_bind=1',
    'net.ipv4.ip_forward=1',
    'net.ipv4.ip_nonlocal_bind=2',
    'net.ipv4.ip_nonlocal_bind=01',
    'net.ipv4.ip_nonlocal_bind=1 ',
    'net.ipv4.ip_nonlocal_bind=1\n1',
    'net.ipv4.ip_nonlocal_bind=1=1',
    'net.ipv4.ip_nonlocal_bind==1',
  ]) {
    const r = asUser(helper('v2', token, '--', 'ns-set', ns.arg));
    expect(r.status, `${JSON.stringify(token)}: ${r.stdout}${r.stderr}`).toBe(64);
  }
  expect(valuesInside(sandbox, ns.where)).toBe(before);
  const forwardAfter = sandbox.run('nsenter', [
    `--net=${ns.where}`,
    'cat',
    '/proc/sys/net/ipv4/ip_forward',
  ]).stdout;
  expect(forwardAfter).toBe(forwardBefore);
});

test("ns-set refuses the step's own namespace by any pid in it, and changes nothing", () => {
  const own = sandbox.run('stat', ['-L', '-c', '%i', '/proc/self/ns/net']).stdout.trim();
  const value = sandbox.readText(IPV4);
  const want = value.trim() === '1' ? '0' : '1';
  // pid 1 (the sandbox's init) and the caller's own shell are both in it.
  for (const pid of ['1', '$$']) {
    const r = asUser([
      'sh',
      '-c',
      `exec pkexec --disable-internal-agent ${HELPER_PATH} v2 net.ipv4.ip_nonlocal_bind=${want} -- ns-set pid/${pid}/${own}`,
    ]);
    expect(r.status, r.stdout + r.stderr).toBe(64);
    expect(r.stdout).toMatch(new RegExp(`^nonlocal-bind: ns 1 ${own} own\n$`));
  }
  expect(sandbox.readText(IPV4)).toBe(value);
});

test("an inode that is not the pid's namespace is refused and changes neither namespace", () => {
  const a = ref(0);
  const b = ref(1);
  const before = [valuesInside(sandbox, a.where), valuesInside(sandbox, b.where)];
  const swapped = `pid/${a.arg.split('/')[1]}/${b.inode}`;
  const set = asUser(helper('v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'ns-set', swapped));
  expect(set.status, set.stderr).toBe(0);
  expect(set.stdout).toBe(`nonlocal-bind: ns 1 ${b.inode} changed\n`);
  const bind = asUser(helper('v2', '--', 'ns-bind', swapped, '127.0.0.1'));
  expect(bind.stdout).toBe(`nonlocal-bind: ns 1 ${b.inode} changed\n`);
  expect([valuesInside(sandbox, a.where), valuesInside(sandbox, b.where)]).toEqual(before);
});

test('ns-bind refuses an ADDRESS that is no IP literal before any namespace is opened', () => {
  const ns = ref(0);
  for (const address of [
    '1-2-3',
    'dead-beef-cafe',
    '1-2-3-4-5-6-7',
    '1-2-3-4-5-6-7-8-9',
    '1--2-3-4-5-6-7-8',
    '1.2.3.4--',
    '1.2.3.4-1-2',
    '12345--1',
    '-1--2',
    '--1-',
    '--1.2.3.04',
    '--1.2.3.4.5',
  ]) {
    const r = asUser(helper('v2', '--', 'ns-bind', ns.arg, address));
    expect(r.status, `${address}: ${r.stdout}${r.stderr}`).toBe(64);
    expect(r.stdout, address).toBe('');
  }
  // The literals the protocol names still pass (loopback binds; the others are not local).
  const ok = asUser(
    helper(
      'v2',
      '--',
      'ns-bind',
      ns.arg,
      '127.0.0.1',
      '--1',
      '--',
      '2001-db8--10',
      '--ffff-192.0.2.1',
      '1-2-3-4-5-6-7-8',
      '1-2-3-4-5-6-1.2.3.4',
      'fe80--1-2-3-4-5-6',
      '0001-db8--',
    ),
  );
  expect(ok.status, ok.stderr).toBe(0);
  expect(ok.stdout).toContain('RESULT 127.0.0.1 works');
  expect(ok.stdout).toContain('RESULT 1:2:3:4:5:6:1.2.3.4 ');
  expect(ok.stdout).toContain('RESULT 0001:db8:: ');
});

test('ns-read takes at most 64 namespaces', () => {
  const ns = ref(0);
  const r = asUser(helper('v2', '--', 'ns-read', ...Array.from({ length: 65 }, () => ns.arg)));
  expect(r.status, r.stdout + r.stderr).toBe(64);
  expect(r.stdout).toBe('');
});
