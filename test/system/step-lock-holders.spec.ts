import { test, expect } from '@playwright/test';
import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import { runStepInSandbox } from '../harness/run-step';
import { createSandbox, type Sandbox } from '../harness/sandbox';

// Issue 22: whoever calls the step, nobody can hold its lock and stall every Apply after it.
// Found by an adversarial review: a caller that never reads the step's output, and a user who
// opened a lock file an older version had left 0644. The lock is now a file of a new name,
// only ever made 0600 by the step.
const LOCK = '/run/nonlocal-bind/apply.lock';
const OLD_LOCK_FILE = '/run/nonlocal-bind/lock';
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const RUNTIME_ON = ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'];

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/** Polls `probe` every 50 ms until it holds or `ms` pass; returns whether it held. */
async function eventually(probe: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return probe();
}

const lockIsFree = () =>
  sandbox.run('flock', ['-n', LOCK, 'true'], { allowFailure: true }).status === 0;

test('a caller that never reads the step’s output stalls only that step: the lock is free once its work is done', async () => {
  sandbox.writeText(`${sandbox.scratch}/step.sh`, PRIVILEGED_SCRIPT);
  // The step's stdout and stderr are a pipe already full (64 KiB) that nobody reads.
  const stuck = sandbox.spawn(
    'sh',
    [
      '-c',
      'd=$1; shift; mkfifo "$d/full" && exec 3<>"$d/full" && head -c 65536 /dev/zero >&3 && exec sh "$d/step.sh" "$@" >&3 2>&3',
      'sh',
      sandbox.scratch,
      ...RUNTIME_ON,
    ],
    { stdio: 'ignore', detached: true },
  );
  try {
    // Its work (one procfs write) takes milliseconds; a loaded machine gets 10 s.
    expect(await eventually(() => sandbox.readText(V4) === '1\n' && lockIsFree(), 10_000)).toBe(
      true,
    );
    expect(stuck.exitCode).toBeNull();
    const next = await runStepInSandbox(sandbox, [
      'v2',
      'net.ipv4.ip_nonlocal_bind=0',
      '--',
      'none',
      '-',
      'absent',
      '-',
    ]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('waiting for another Apply');
    expect(sandbox.readText(V4)).toBe('0\n');
  } finally {
    if (stuck.pid) process.kill(-stuck.pid, 'SIGKILL');
  }
});

test('a user who holds a lock file an older version left 0644 cannot stall the step, nor open its lock', async () => {
  sandbox.run('sh', ['-c', `: > ${OLD_LOCK_FILE} && chmod 0644 ${OLD_LOCK_FILE}`]);
  const holder = sandbox.spawn(
    'setpriv',
    [
      ...['--reuid', '65534', '--regid', '65534', '--clear-groups'],
      ...['flock', '-x', OLD_LOCK_FILE, 'sleep', '60'],
    ],
    { stdio: 'ignore' },
  );
  const oldFileHeld = () =>
    sandbox.run('flock', ['-n', OLD_LOCK_FILE, 'true'], { allowFailure: true }).status !== 0;
  try {
    expect(await eventually(oldFileHeld, 10_000)).toBe(true);
    const started = Date.now();
    const step = await runStepInSandbox(sandbox, RUNTIME_ON);
    expect(step.code, step.stderr).toBe(0);
    expect(step.stderr).not.toContain('waiting for another Apply');
    // Far below the step's 300 s lock wait: it never waited on the user's file.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(sandbox.run('stat', ['-c', '%u %a', LOCK]).stdout.trim()).toBe('0 600');
    const take = sandbox.run(
      'setpriv',
      ['--reuid', '65534', '--regid', '65534', '--clear-groups', 'flock', '-n', LOCK, 'true'],
      { allowFailure: true },
    );
    expect(take.status).not.toBe(0);
  } finally {
    holder.kill('SIGKILL');
  }
});

test('a caller cannot fill /etc with new files: a new file holds at most 4096 bytes, and none is made past 1000 entries', async () => {
  const b64 = (t: string) => Buffer.from(t).toString('base64');
  const big = `net.ipv4.ip_nonlocal_bind=1${' '.repeat(5000)}\n`;
  const tooBig = await runStepInSandbox(sandbox, [
    'v2',
    '--',
    'write',
    'fill.conf',
    'absent',
    b64(big),
  ]);
  expect(tooBig.code, tooBig.stderr).toBe(77);
  sandbox.run('sh', [
    '-c',
    'i=0; while [ $i -lt 1000 ]; do : > /etc/sysctl.d/f$i.conf; i=$((i+1)); done',
  ]);
  const small = b64('net.ipv4.ip_nonlocal_bind = 1\n');
  const oneMore = ['v2', '--', 'write', 'one-more.conf', 'absent', small];
  const full = await runStepInSandbox(sandbox, oneMore);
  expect(full.code, full.stderr).toBe(77);
  expect(full.stderr).toContain('already holds 1000 entries');
  sandbox.run('rm', ['/etc/sysctl.d/f0.conf']);
  const room = await runStepInSandbox(sandbox, oneMore);
  expect(room.code, room.stderr).toBe(0);
});
