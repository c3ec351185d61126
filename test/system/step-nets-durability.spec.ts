import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { PRIVILEGED_SCRIPT, STEP_EXIT } from '../../electron/system/privileged-script';
import { parseRecoveryLine } from '../../electron/system/step-recovery';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { runStepInSandbox } from '../harness/run-step';
import {
  b64,
  DIR,
  FILE,
  inode,
  killLeftoverSteps,
  killStep,
  listing,
  NAME,
  NEW,
  OLD,
  runTracedStep,
  sha,
  snapshot,
  STOP_AT_DIR_FSYNC,
  V4,
  V6,
  waitForStop,
  withStepHeldAfterRename,
  WRITE_ARGS,
} from '../support/step-probe';

// Issue 22, item 10: the step's durability nets (flush before rename, directory flush,
// file read-back, intent record and recovery, lock, temp-file cleanup), each shown by the
// real step under strace: its system calls in order, a held step that someone else
// changes the file under, an injected EIO, a kill at a chosen call.

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  sandbox.writeText(FILE, OLD);
});
test.afterEach(async () => {
  await killLeftoverSteps();
  await sandbox.dispose();
});

const read = (file: string) => sandbox.readText(file);
const recover = () =>
  sandbox.run('/bin/sh', ['-s', '--', 'recover'], { input: PRIVILEGED_SCRIPT }).stdout;

const CALLS = ['-y', '-e', 'trace=write,fsync,fdatasync,rename,renameat,renameat2'];

/** Index of the first (or last) log line matching `pattern`; -1 when none does. */
function lineOf(log: string, pattern: RegExp, last = false): number {
  const lines = log.split('\n');
  const hits = lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));
  return hits.length === 0 ? -1 : ((last ? hits.at(-1) : hits[0]) ?? -1);
}

for (const [what, args, dir, file] of [
  ['a file in /etc/sysctl.d', WRITE_ARGS, DIR, FILE],
  [
    '/etc/sysctl.conf',
    ['v2', '--', 'write-conf', '-', sha(''), b64('net.ipv4.ip_nonlocal_bind = 1\n')],
    '/etc',
    '/etc/sysctl.conf',
  ],
] as const) {
  test(`strace: ${what} is flushed after its last write and before the rename, and its directory after`, async () => {
    const outcome = await runTracedStep(sandbox, args, CALLS).done;
    expect(outcome.code).toBe(0);
    const tmp = `${dir}/\\.nonlocal-bind-tmp\\.new\\.\\d+`;
    const lastWrite = lineOf(outcome.log, new RegExp(`write\\(\\d+<${tmp}>`), true);
    const flush = lineOf(outcome.log, new RegExp(`(fsync|fdatasync)\\(\\d+<${tmp}>\\) += 0`));
    const rename = lineOf(
      outcome.log,
      new RegExp(`rename\\w*\\(.*"${tmp}", .*"${file.replaceAll('.', '\\.')}".*\\) += 0`),
    );
    const dirFlush = lineOf(
      outcome.log,
      new RegExp(`(fsync|fdatasync)\\(\\d+<${dir.replaceAll('/', '\\/')}>\\) += 0`),
      true,
    );
    expect(lastWrite, outcome.log).toBeGreaterThanOrEqual(0);
    expect(flush, outcome.log).toBeGreaterThan(lastWrite);
    expect(rename, outcome.log).toBeGreaterThan(flush);
    expect(dirFlush, outcome.log).toBeGreaterThan(rename);
  });
}

const LOCK = '/run/nonlocal-bind/apply.lock';
/** A non-empty intent record, if the step left one (it empties the record when it ends). */
const recordLeft = () =>
  sandbox.run('find', ['/run/nonlocal-bind', '-name', 'apply.intent', '!', '-empty']).stdout;

test('a flush that fails (EIO injected): exit 69, runtime values set back, no file replaced, no temp file left', async () => {
  const before = snapshot(sandbox);
  const outcome = await runTracedStep(sandbox, WRITE_ARGS, [
    '-e',
    'inject=fsync,fdatasync:error=EIO',
  ]).done;
  expect(outcome.code).toBe(STEP_EXIT.writeFailed);
  expect(outcome.stderr).toContain('cannot flush');
  expect(snapshot(sandbox)).toBe(before);
});

test('the file reading back differently (changed by someone after the rename): exit 68, the original inode is back', async () => {
  const original = inode(sandbox, FILE);
  const outcome = await withStepHeldAfterRename(sandbox, WRITE_ARGS, () => {
    expect(read(FILE)).toBe(NEW);
    sandbox.writeText(FILE, `${NEW}# changed meanwhile\n`);
  });
  expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
  expect(outcome.stderr).toContain(`${FILE} reads back differently`);
  // The directory is flushed twice: after the rename, and after the restore.
  expect(outcome.log.match(/^\d+ +fsync\(/gm), outcome.log).toHaveLength(2);
  expect(read(FILE)).toBe(OLD);
  expect(inode(sandbox, FILE)).toBe(original);
  expect([read(V4), read(V6)]).toEqual(['0\n', '0\n']);
  expect(listing(sandbox)).toBe(`${NAME}\n`);
});

test('a deleted file that is there again at the read-back: exit 68, the original is put back', async () => {
  const ours = 'net.ipv4.ip_nonlocal_bind = 1\n';
  sandbox.writeText(FILE, ours);
  const original = inode(sandbox, FILE);
  const args = ['v2', '--', 'delete', NAME, sha(ours), '-'];
  const outcome = await withStepHeldAfterRename(sandbox, args, () => {
    expect(listing(sandbox)).not.toContain(`${NAME}\n`);
    sandbox.writeText(FILE, 'net.ipv4.ip_nonlocal_bind = 0\n');
  });
  expect(outcome.code).toBe(STEP_EXIT.verifyFailed);
  expect(outcome.stderr).toContain(`${FILE} still exists`);
  expect(read(FILE)).toBe(ours);
  expect(inode(sandbox, FILE)).toBe(original);
});

test('a restore that cannot be done: exit 70, the intent record stays, and recover then rolls back', async () => {
  const outcome = await withStepHeldAfterRename(sandbox, WRITE_ARGS, () => {
    sandbox.run('sh', ['-c', `rm ${DIR}/.nonlocal-bind-tmp.bak.*`]);
    sandbox.writeText(FILE, `${NEW}# changed meanwhile\n`);
  });
  expect(outcome.code).toBe(STEP_EXIT.rollbackFailed);
  expect(read('/run/nonlocal-bind/apply.intent')).toBe(
    `v2 write ${NAME} ${sha(NEW)} net.ipv4.ip_nonlocal_bind=1:0 net.ipv6.ip_nonlocal_bind=1:0\n`,
  );
  expect(parseRecoveryLine(recover())).toEqual({
    outcome: 'rolled-back',
    values: { ipv4: 0, ipv6: 0 },
    file: FILE,
  });
  expect(recordLeft()).toBe('');
});

test('killed right after the rename: the intent record says what was meant, and recover completes it', async () => {
  const step = runTracedStep(sandbox, WRITE_ARGS, STOP_AT_DIR_FSYNC);
  expect(await waitForStop(step)).not.toBeNull();
  expect(read('/run/nonlocal-bind/apply.intent')).toBe(
    `v2 write ${NAME} ${sha(NEW)} net.ipv4.ip_nonlocal_bind=1:0 net.ipv6.ip_nonlocal_bind=1:0\n`,
  );
  await killStep(step);
  expect(parseRecoveryLine(recover())).toEqual({
    outcome: 'completed',
    values: { ipv4: 1, ipv6: 1 },
    file: FILE,
  });
  expect(read(FILE)).toBe(NEW);
  // The killed step's backup link is gone with the record.
  expect(listing(sandbox)).toBe(`${NAME}\n`);
  expect(recordLeft()).toBe('');
});

test('killed at the flush of its temp file: recover rolls the runtime values back and removes the temp file', async () => {
  const step = runTracedStep(sandbox, WRITE_ARGS, [
    '-e',
    'trace=fsync',
    '-e',
    'inject=fsync:signal=SIGSTOP',
  ]);
  expect(await waitForStop(step)).not.toBeNull();
  expect([read(V4), read(V6)]).toEqual(['1\n', '1\n']);
  await killStep(step);
  expect(parseRecoveryLine(recover())).toEqual({
    outcome: 'rolled-back',
    values: { ipv4: 0, ipv6: 0 },
    file: FILE,
  });
  expect(read(FILE)).toBe(OLD);
  expect(listing(sandbox)).toBe(`${NAME}\n`);
});

test('the lock: a step waits, says so and changes nothing while another holds it, then applies', async () => {
  // The first step makes the lock file, as root alone may open it.
  expect((await runStepInSandbox(sandbox, ['v2', '--', 'none', '-', 'absent', '-'])).code).toBe(0);
  expect(sandbox.run('stat', ['-c', '%a %u', LOCK]).stdout).toBe('600 0\n');
  const holder = spawn(
    sandbox.enterArgs[0] as string,
    [...sandbox.enterArgs.slice(1), 'flock', '-x', LOCK, 'sh', '-c', 'echo held; read x'],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  try {
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const step = runTracedStep(sandbox, WRITE_ARGS, null);
    // The step's own words are the signal, not a delay. The poll's bound only turns a step
    // that neither says it waits nor ends (it would wait 5 minutes) into a failure.
    await expect
      .poll(() => step.exited() || /waiting for another Apply/.test(step.stderr()), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(step.exited()).toBe(false);
    expect([read(V4), read(V6), read(FILE)]).toEqual(['0\n', '0\n', OLD]);
    holder.stdin.end('\n');
    const outcome = await step.done;
    expect(outcome.code).toBe(0);
    expect([read(V4), read(V6), read(FILE)]).toEqual(['1\n', '1\n', NEW]);
  } finally {
    holder.stdin.end();
  }
});

test('the lock is root’s 0600 file: a plain user cannot open it, so cannot take it', async () => {
  expect((await runStepInSandbox(sandbox, ['v2', '--', 'none', '-', 'absent', '-'])).code).toBe(0);
  const asNobody = ['--reuid', '65534', '--regid', '65534', '--clear-groups'];
  const take = sandbox.run('setpriv', [...asNobody, 'flock', '-n', LOCK, 'true'], {
    allowFailure: true,
  });
  expect(take.status).not.toBe(0);
  expect(take.stderr).toMatch(/Permission denied/);
});

test('temp files a killed step left are removed: by the next write in their directory, and by recover in both', async () => {
  const leftovers = ['.nonlocal-bind-tmp.new.12345', '.nonlocal-bind-tmp.bak.12345'];
  for (const name of leftovers) {
    sandbox.writeText(`${DIR}/${name}`, 'net.ipv4.ip_nonlocal_bind = 1\n');
    sandbox.writeText(`/etc/${name}`, 'net.ipv4.ip_nonlocal_bind = 1\n');
  }
  expect((await runStepInSandbox(sandbox, WRITE_ARGS)).code).toBe(0);
  expect(listing(sandbox)).toBe(`${NAME}\n`);
  expect(sandbox.run('sh', ['-c', 'ls -A /etc | grep nonlocal-bind-tmp || true']).stdout).toBe(
    leftovers
      .map((n) => `${n}\n`)
      .sort()
      .join(''),
  );
  expect(parseRecoveryLine(recover())?.outcome).toBe('none');
  expect(sandbox.run('sh', ['-c', 'ls -A /etc | grep nonlocal-bind-tmp || true']).stdout).toBe('');
});
