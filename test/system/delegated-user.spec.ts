import { test, expect } from '@playwright/test';
import { bundleForChild } from '../harness/bundle';
import type { FuzzSummary } from '../support/helper-fuzz/driver';
import { asUserArgv, type Sandbox } from '../harness/sandbox';
import { createDelegatedUserSandbox, type DelegatedUserSandbox } from '../support/delegated-user';
import { FILE_HEADER } from '../../electron/system/file-header';
import { HELPER_PATH } from '../../electron/system/step-helper';

/**
 * What the named polkit action grants a delegated user, proved through the real chain: the
 * packaged helper and policy, a polkitd of the sandbox's own, a rule like the one
 * docs/polkit-action.md shows (group nbadmins may run the action, nothing else), and real
 * pkexec called by a member of that group. Everything they send goes straight to the helper,
 * not through the app: they are the hostile caller.
 */
const USER = 'nbtest-delegate';
/** Cases in `npm test`; `npm run fuzz:helper` sends 10,000 and more through the same driver. */
/** The step's lock file (step/script.ts). */
const LOCK = '/run/nonlocal-bind/apply.lock';
const CASES = Number(process.env.NB_HELPER_FUZZ_CASES ?? 1500);

/** The tree every batch starts from: someone else's keys beside ours, a vendor file, sysctl.conf. */
const TREE: Record<string, string> = {
  '/etc/sysctl.d/10-foreign.conf':
    '# site settings\nkernel.core_pattern = core\r\nnet.ipv4.ip_nonlocal_bind = 0\nvm.swappiness=10\n-net/ipv6/ip_nonlocal_bind = 1\nfs.protected_symlinks = 1',
  '/etc/sysctl.d/90-nonlocal-bind.conf': `${FILE_HEADER}net.ipv4.ip_nonlocal_bind = 1\n`,
  '/etc/sysctl.d/95-only-ours.conf': 'net.ipv6.ip_nonlocal_bind = 1\n\n',
  '/usr/lib/sysctl.d/50-vendor.conf': 'kernel.kptr_restrict = 1\nfs.protected_hardlinks = 1\n',
  '/etc/sysctl.conf':
    '# /etc/sysctl.conf\n#kernel.printk = 3 4 1 3\nnet.ipv4.ip_nonlocal_bind = 0\nkernel.sysrq = 0\n',
};

let sandbox: Sandbox;
let asUser: DelegatedUserSandbox['asUser'];
test.beforeAll(async () => {
  ({ sandbox, asUser } = await createDelegatedUserSandbox(USER));
});
test.afterAll(async () => {
  await sandbox?.dispose();
});

/** The delegated user calls the packaged helper directly, with any arguments. */
const callHelper = (...args: string[]) =>
  asUser(['pkexec', '--disable-internal-agent', HELPER_PATH, ...args]);

function layTree() {
  sandbox.run('sh', ['-c', 'rm -f /etc/sysctl.d/* /etc/sysctl.d/.[!.]*']);
  for (const [path, content] of Object.entries(TREE)) sandbox.writeText(path, content);
}

test('the rule gives the group the action and nothing else: plain pkexec of a shell is refused', () => {
  const shell = asUser(['pkexec', '--disable-internal-agent', '/bin/sh', '-c', 'id -u']);
  expect(shell.status, shell.stdout + shell.stderr).not.toBe(0);
  expect(shell.stdout).not.toContain('0');
  const helper = callHelper('recover');
  expect(helper.stderr).toBe('');
  expect(helper.stdout).toMatch(/^nonlocal-bind: recovered none /);
});

test('the reported attack (kernel.modprobe appended to /etc/sysctl.conf) is refused and changes nothing', () => {
  layTree();
  const conf = sandbox.readText('/etc/sysctl.conf');
  const sha = sandbox.run('sha256sum', ['/etc/sysctl.conf']).stdout.split(' ')[0] ?? '';
  const evil = Buffer.from(`${conf}kernel.modprobe = /tmp/evil\n`).toString('base64');
  const r = callHelper('v2', '--', 'write-conf', '-', sha, evil);
  expect(r.status, r.stderr).toBe(77);
  expect(r.stderr).toContain('changes lines other than');
  expect(r.stdout).not.toContain('applied');
  expect(sandbox.readText('/etc/sysctl.conf')).toBe(conf);
});

test(`${CASES} hostile calls as a delegated user: every byte outside the two settings stays, in every file`, async () => {
  // Each case is one pkexec run (~30-80 ms here, several times that under load) plus two
  // reads of the tree: allow 400 ms a case, far above any healthy run.
  test.setTimeout(60_000 + CASES * 400);
  const driver = await bundleForChild('test/support/helper-fuzz/driver.ts');
  const batch = 500;
  const totals = { cases: 0, accepted: 0, byStatus: {} as Record<string, number> };
  const kinds: Record<string, { sent: number; accepted: number }> = {};
  for (let start = 0; start < CASES; start += batch) {
    // Each batch starts from the same tree, so deletions early on do not starve later cases.
    layTree();
    const count = Math.min(batch, CASES - start);
    const r = asUser(
      ['node', driver, HELPER_PATH, String(20261203 + start), String(count)],
      count * 400,
    );
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as FuzzSummary;
    expect(summary.violations).toEqual([]);
    expect(summary.disagreements).toEqual([]);
    totals.cases += summary.cases;
    totals.accepted += summary.accepted;
    for (const [s, n] of Object.entries(summary.byStatus))
      totals.byStatus[s] = (totals.byStatus[s] ?? 0) + n;
    for (const [k, v] of Object.entries(summary.byKind)) {
      const t = (kinds[k] ??= { sent: 0, accepted: 0 });
      t.sent += v.sent;
      t.accepted += v.accepted;
    }
  }
  console.log(`delegated-user fuzz: ${JSON.stringify({ ...totals, kinds })}`);
  expect(totals.cases).toBe(CASES);
  // pkexec itself never refused (126/127): every case reached the helper.
  expect(
    Object.keys(totals.byStatus).filter((s) => !['0', '64', '65', '66', '77'].includes(s)),
  ).toEqual([]);
  // Legitimate changes still go through, and the attacks of each kind were all tried.
  expect(kinds.legitimate?.accepted ?? 0).toBeGreaterThan((kinds.legitimate?.sent ?? 0) * 0.5);
  for (const kind of [
    'foreign-line-added',
    'line-removed',
    'value-out-of-range',
    'delete',
    'malformed',
    'too-large',
  ])
    expect(kinds[kind]?.sent ?? 0, kind).toBeGreaterThan(0);
  expect(kinds['foreign-line-added']?.accepted).toBe(0);
  expect(kinds['too-large']?.accepted).toBe(0);
});

test('the lock is root’s alone: the delegated user cannot open it to stall every Apply, and one an older version left 0644 is not used', async () => {
  sandbox.run('sh', [
    '-c',
    'rm -f /run/nonlocal-bind/lock && : > /run/nonlocal-bind/lock && chmod 0644 /run/nonlocal-bind/lock',
  ]);
  // The user holds the old file: the step does not lock it, so it neither waits nor fails.
  const holder = sandbox.spawn(
    asUserArgv(USER)[0] as string,
    [...asUserArgv(USER).slice(1), 'flock', '-x', '/run/nonlocal-bind/lock', 'sleep', '60'],
    { stdio: 'ignore' },
  );
  try {
    const oldHeld = () =>
      sandbox.run('flock', ['-n', '/run/nonlocal-bind/lock', 'true'], { allowFailure: true })
        .status !== 0;
    await expect.poll(oldHeld, { timeout: 10_000 }).toBe(true);
    const r = callHelper('v2', '--', 'none', '-', 'absent', '-');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('waiting for another Apply');
  } finally {
    holder.kill('SIGKILL');
  }
  expect(sandbox.run('stat', ['-c', '%a %u', LOCK]).stdout.trim()).toBe('600 0');
  const take = asUser(['flock', '-n', LOCK, 'true']);
  expect(take.status).not.toBe(0);
  expect(take.stderr).toMatch(/Permission denied/);
  const shared = asUser(['sh', '-c', `exec 9<${LOCK} && flock -n -s 9`]);
  expect(shared.status).not.toBe(0);
});
