import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { FILE_HEADER } from '../../electron/system/file-header';
import { PRIVILEGED_SCRIPT, privilegedScript } from '../../electron/system/privileged-script';
import { buildStepArguments, stepArguments } from '../../electron/system/privileged-step';
import { checkContentChange } from '../../electron/system/step-content-rule';
import { STEP_EXIT } from '../../electron/system/step-exit';
import { parseRecoveryLine } from '../../electron/system/step-recovery';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { runStepInSandbox } from '../harness/run-step';
import { FORWARD, THIRD_SETTING_CATALOGUE } from '../support/third-setting';

// Issue 21: a third setting is one more catalogue entry. The step generated for a test
// catalogue that adds net.ipv4.ip_forward runs for real, as root, in a fresh network
// namespace: it sets the value, writes a drop-in, keeps its rule, and names the key in its
// intent record and recovery line. The app's own step knows nothing of it.
const THIRD = THIRD_SETTING_CATALOGUE;
const SCRIPT = privilegedScript(THIRD);
const NAME = '90-forward.conf';
const FILE = `/etc/sysctl.d/${NAME}`;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

const forward = () => sandbox.readText(FORWARD.procPath);
const write = (
  content: string,
  expected: string | null,
  values = { 'ipv4-forward': '1' as const },
) =>
  buildStepArguments(
    { values, file: { op: 'write', name: NAME, expectedSha256: expected, content } },
    THIRD,
  );

test('the generated step sets ip_forward and writes a drop-in that holds it', async () => {
  expect(forward()).toBe('0\n');
  const content = `${FILE_HEADER}net.ipv4.ip_forward = 1\n`;
  const args = write(content, null);
  expect(args.slice(0, 3)).toEqual(['v2', 'net.ipv4.ip_forward=1', '--']);
  const run = await runStepInSandbox(sandbox, args, null, SCRIPT);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('nonlocal-bind: applied\n');
  expect(forward()).toBe('1\n');
  expect(sandbox.readText(FILE)).toBe(content);
  // The other settings were left alone.
  expect(sandbox.readText('/proc/sys/net/ipv4/ip_nonlocal_bind')).toBe('0\n');
});

test('its rule takes the range from the catalogue and refuses a foreign line with 77, changing nothing', async () => {
  const old = `${FILE_HEADER}net.ipv4.ip_forward = 0\n`;
  sandbox.writeText(FILE, old);
  for (const content of [
    `${old}kernel.modprobe = /tmp/evil\n`,
    `${FILE_HEADER}net.ipv4.ip_forward = 2\n`,
    `${FILE_HEADER}net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.forwarding = 1\n`,
  ]) {
    expect(checkContentChange(old, content, THIRD).ok).toBe(false);
    const run = await runStepInSandbox(sandbox, write(content, sha(old)), null, SCRIPT);
    expect(run.code, `${content}: ${run.stderr}`).toBe(STEP_EXIT.outsideSettings);
    expect(forward()).toBe('0\n');
    expect(sandbox.readText(FILE)).toBe(old);
  }
  const ok = `${FILE_HEADER}net.ipv4.ip_forward = 1\nnet/ipv4/ip_nonlocal_bind = 255\n`;
  expect(checkContentChange(old, ok, THIRD)).toEqual({ ok: true });
  const run = await runStepInSandbox(sandbox, write(ok, sha(old)), null, SCRIPT);
  expect(run.code, run.stderr).toBe(0);
  expect(sandbox.readText(FILE)).toBe(ok);
});

test('its intent record and recovery line name the key; the app’s own step refuses it', async () => {
  sandbox.run('sh', [
    '-c',
    `echo 1 > ${FORWARD.procPath} && echo 'v2 none - absent net.ipv4.ip_forward=1:0' > /run/nonlocal-bind/apply.intent`,
  ]);
  const run = await runStepInSandbox(sandbox, ['recover'], null, SCRIPT);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe(
    'nonlocal-bind: recovered rolled-back file=- net.ipv4.ip_nonlocal_bind=0 net.ipv6.ip_nonlocal_bind=0 net.ipv4.ip_forward=0\n',
  );
  expect(parseRecoveryLine(run.stdout, THIRD)?.values).toEqual({
    ipv4: 0,
    ipv6: 0,
    'ipv4-forward': 0,
  });
  expect(forward()).toBe('0\n');
  // The app's catalogue has no such setting: neither its planner nor its step takes it.
  expect(stepArguments({ values: { 'ipv4-forward': '1' }, file: { op: 'none' } })).toEqual({
    ok: false,
    error: { code: 'unknown-setting', id: 'ipv4-forward' },
  });
  const own = await runStepInSandbox(sandbox, [
    'v2',
    'net.ipv4.ip_forward=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  expect(own.code).toBe(STEP_EXIT.invalidArguments);
  const content = `${FILE_HEADER}net.ipv4.ip_forward = 1\n`;
  const asFile = await runStepInSandbox(
    sandbox,
    buildStepArguments({
      values: {},
      file: { op: 'write', name: NAME, expectedSha256: null, content },
    }),
    null,
    PRIVILEGED_SCRIPT,
  );
  expect(asFile.code).toBe(STEP_EXIT.outsideSettings);
  expect(forward()).toBe('0\n');
});
