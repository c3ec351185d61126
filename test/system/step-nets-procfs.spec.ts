import { test, expect } from '@playwright/test';
import { STEP_EXIT } from '../../electron/system/privileged-script';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { runStepInSandbox } from '../harness/run-step';
import {
  b64,
  bindOver,
  DIR,
  FILE,
  inode,
  killLeftoverSteps,
  listing,
  makeReadOnly,
  NAME,
  NEW,
  OLD,
  sha,
  snapshot,
  V4,
  V6,
  withStepHeldAfterRename,
  WRITE_ARGS,
} from '../support/step-probe';

// Issue 22, item 10: the step's procfs nets, each met with a real kernel fault in a private
// network + mount namespace. Nothing here reaches beyond that namespace:
// - a read-back that differs: the step is held (strace) after its write and rename, and
//   someone else writes the setting meanwhile, as a concurrent admin or tool would;
// - ipfrag_high_thresh (per network namespace), bound over a setting's path, refuses "1"
//   (below its low threshold): a write error that is not EROFS;
// - a read-only bind of the setting refuses every write with EROFS.

const FRAG_HIGH = '/proc/sys/net/ipv4/ipfrag_high_thresh';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  sandbox.writeText(FILE, OLD);
  sandbox.run('chmod', ['0640', FILE]);
});
test.afterEach(async () => {
  await killLeftoverSteps();
  await sandbox.dispose();
});

const read = (file: string) => sandbox.readText(file);

for (const [setting, path, other] of [
  ['net.ipv4.ip_nonlocal_bind', V4, V6],
  ['net.ipv6.ip_nonlocal_bind', V6, V4],
] as const) {
  test(`${setting} reading back differently after its write: exit 68, and the value, the other setting and the file are restored`, async () => {
    const fileInode = inode(sandbox, FILE);
    // Someone else writes the setting (2: on, in the kernel's 0-255) between the step's
    // write and its read-back.
    const outcome = await withStepHeldAfterRename(sandbox, WRITE_ARGS, () => {
      expect(read(path)).toBe('1\n');
      sandbox.run('sh', ['-c', `echo 2 > ${path}`]);
    });
    expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
    expect(outcome.stderr).toContain(`${setting} reads back differently`);
    expect(read(path)).toBe('0\n');
    expect(read(other)).toBe('0\n');
    // The file had been replaced before the read-back: the original inode is back.
    expect(read(FILE)).toBe(OLD);
    expect(inode(sandbox, FILE)).toBe(fileInode);
    expect(listing(sandbox)).toBe(`${NAME}\n`);
    // The intent record is emptied: no Apply is left to recover.
    expect(
      sandbox.run('find', ['/run/nonlocal-bind', '-type', 'f', '!', '-empty', '!', '-name', 'err'])
        .stdout,
    ).toBe('');
  });
}

test('a new file whose Apply fails at the read-back is removed again', async () => {
  sandbox.run('rm', [FILE]);
  const content = b64('net.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n');
  const args = [
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    'net.ipv6.ip_nonlocal_bind=1',
    '--',
    'write',
    NAME,
    'absent',
    content,
  ];
  const outcome = await withStepHeldAfterRename(sandbox, args, () => {
    sandbox.run('sh', ['-c', `echo 2 > ${V6}`]);
  });
  expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
  expect(listing(sandbox)).toBe('');
  expect([read(V4), read(V6)]).toEqual(['0\n', '0\n']);
});

test('a deletion whose Apply fails at the read-back puts the same file back', async () => {
  const ours = 'net.ipv4.ip_nonlocal_bind = 1\n';
  sandbox.writeText(FILE, ours);
  sandbox.run('sh', ['-c', `echo 1 > ${V4}`]);
  const fileInode = inode(sandbox, FILE);
  const args = ['v2', 'net.ipv4.ip_nonlocal_bind=0', '--', 'delete', NAME, sha(ours), '-'];
  const outcome = await withStepHeldAfterRename(sandbox, args, () => {
    sandbox.run('sh', ['-c', `echo 2 > ${V4}`]);
  });
  expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
  expect(outcome.stderr).toContain('net.ipv4.ip_nonlocal_bind reads back differently');
  expect(read(V4)).toBe('1\n');
  expect(read(FILE)).toBe(ours);
  expect(inode(sandbox, FILE)).toBe(fileInode);
  expect(listing(sandbox)).toBe(`${NAME}\n`);
});

test('a read-only IPv6 setting: exit 67, IPv4 (already written) is set back, the file is untouched', async () => {
  makeReadOnly(sandbox, V6);
  const before = snapshot(sandbox);
  const outcome = await runStepInSandbox(sandbox, WRITE_ARGS);
  expect(outcome.code).toBe(STEP_EXIT.procReadOnly);
  expect(outcome.stderr).toContain('setting net.ipv6.ip_nonlocal_bind failed');
  expect(snapshot(sandbox)).toBe(before);
});

test('a value of more than one digit is restored whole: IPv4 at 12, IPv6 read-only, exit 67 and IPv4 reads 12 again', async () => {
  sandbox.run('sh', ['-c', `echo 12 > ${V4}`]);
  makeReadOnly(sandbox, V6);
  const outcome = await runStepInSandbox(sandbox, [
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    'net.ipv6.ip_nonlocal_bind=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  expect(outcome.code, outcome.stderr).toBe(STEP_EXIT.procReadOnly);
  expect(read(V4)).toBe('12\n');
});

test('a read-only IPv4 setting: exit 67 before anything else changes', async () => {
  makeReadOnly(sandbox, V4);
  const before = snapshot(sandbox);
  const outcome = await runStepInSandbox(sandbox, WRITE_ARGS);
  expect(outcome.code).toBe(STEP_EXIT.procReadOnly);
  expect(outcome.stderr).toContain('setting net.ipv4.ip_nonlocal_bind failed');
  expect(snapshot(sandbox)).toBe(before);
});

test('a write the kernel refuses (not read-only): exit 69 with its reason, IPv4 set back', async () => {
  const frag = read(FRAG_HIGH);
  bindOver(sandbox, FRAG_HIGH, V6);
  const before = snapshot(sandbox);
  const outcome = await runStepInSandbox(sandbox, WRITE_ARGS);
  expect(outcome.code).toBe(STEP_EXIT.writeFailed);
  expect(outcome.stderr).toContain(`writing ${V6} failed`);
  expect(snapshot(sandbox)).toBe(before);
  expect(read(FRAG_HIGH)).toBe(frag);
});

test('a rollback puts back only what this run changed: a setting left alone keeps a value set by someone else', async () => {
  sandbox.run('sh', ['-c', `echo 1 > ${V4}`]);
  makeReadOnly(sandbox, V6);
  const outcome = await runStepInSandbox(sandbox, [
    'v2',
    'net.ipv6.ip_nonlocal_bind=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  expect(outcome.code).toBe(STEP_EXIT.procReadOnly);
  expect(read(V4)).toBe('1\n');
  expect(read(`${DIR}/${NAME}`)).toBe(OLD);
});

test('a rollback after the IPv6 read-back leaves IPv4 alone when the run did not set it', async () => {
  sandbox.run('sh', ['-c', `echo 1 > ${V4}`]);
  const args = [
    'v2',
    'net.ipv6.ip_nonlocal_bind=1',
    '--',
    'write',
    NAME,
    sha(OLD),
    b64(NEW.replace('ipv4', 'ipv6')),
  ];
  const outcome = await withStepHeldAfterRename(sandbox, args, () => {
    // Someone sets IPv4 meanwhile; the run never asked to touch it.
    sandbox.run('sh', ['-c', `echo 3 > ${V4}; echo 2 > ${V6}`]);
  });
  expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
  expect(read(V4)).toBe('3\n');
  expect(read(V6)).toBe('0\n');
  expect(read(FILE)).toBe(OLD);
});
