import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import { buildStepArguments } from '../../electron/system/privileged-step';
import { parseRecoveryLine } from '../../electron/system/step-recovery';
import { SETTINGS } from '../../electron/system/settings';
import { changeReportWords, settingNames } from '../../renderer/src/words/outcome-words';
import { applyInSandbox } from '../harness/apply-child';
import { runStepInSandbox } from '../harness/run-step';

// SIGKILL the real step at random moments (fixed-seed sample), then run the recovery a new
// app start runs: the record must be resolved, the reported state must be the real one, and
// nothing of the killed step may be left behind.
const FILE = '/etc/sysctl.d/99-custom.conf';
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const V6 = '/proc/sys/net/ipv6/ip_nonlocal_bind';
const OLD = '# keep me\nvm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 0\n';
const NEW = '# keep me\nvm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 1\n';
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const KILLS = 300;

/** A small deterministic generator, so a failing kill point can be replayed. */
function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return x / 0x1_0000_0000;
  };
}

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

test(`${KILLS} SIGKILLs at random points, each followed by recovery: state reported = state on disk and in the kernel`, async () => {
  test.setTimeout(240_000);
  const random = seeded(13);
  const args = buildStepArguments({
    values: { ipv4: '1', ipv6: '1' },
    file: { op: 'write', name: '99-custom.conf', expectedSha256: sha(OLD), content: NEW },
  });
  const reset = () =>
    sandbox.run('sh', [
      '-c',
      `printf '%s' "$1" > ${FILE}; echo 0 > ${V4}; echo 0 > ${V6}`,
      'sh',
      OLD,
    ]);
  reset();
  const started = Date.now();
  expect((await runStepInSandbox(sandbox, args)).code).toBe(0);
  const fullMs = Math.max(Date.now() - started, 5);
  const seen = { none: 0, completed: 0, 'rolled-back': 0 };
  for (let i = 0; i < KILLS; i += 1) {
    reset();
    await runStepInSandbox(sandbox, args, random() * fullMs * 1.2);
    const recovered = sandbox.run('/bin/sh', ['-s', '--', 'recover'], {
      input: PRIVILEGED_SCRIPT,
    });
    const report = parseRecoveryLine(recovered.stdout);
    if (!report) throw new Error(`no recovery line in ${JSON.stringify(recovered.stdout)}`);
    seen[report.outcome] += 1;
    const content = sandbox.readText(FILE);
    const v4 = sandbox.readText(V4).trim();
    const v6 = sandbox.readText(V6).trim();
    expect(report.values).toEqual({ ipv4: Number(v4), ipv6: Number(v6) });
    expect([OLD, NEW]).toContain(content);
    // Runtime and file agree: all new or (apart from a kill before anything changed) all old.
    if (report.outcome === 'completed') expect([content, v4, v6]).toEqual([NEW, '1', '1']);
    if (report.outcome === 'rolled-back') expect([content, v4, v6]).toEqual([OLD, '0', '0']);
    if (report.outcome === 'none')
      expect([v4, v6]).toEqual(content === NEW ? ['1', '1'] : ['0', '0']);
    expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('99-custom.conf\n');
    // No record left to recover (the step empties it), and no other file left behind.
    expect(sandbox.run('ls', ['-A', '/run/nonlocal-bind']).stdout).toMatch(
      /^(apply\.intent\n)?(apply\.lock\n)?(err\n)?$/,
    );
    expect(
      sandbox.run('find', ['/run/nonlocal-bind', '-name', 'apply.intent', '!', '-empty']).stdout,
    ).toBe('');
  }
  console.log(`recovery: step ~${fullMs} ms; after ${KILLS} kills ${JSON.stringify(seen)}`);
  expect(seen.completed + seen['rolled-back']).toBeGreaterThan(0);
});

test('the next step resolves a leftover intent record before its own change', async () => {
  // A record as a step killed right after setting the runtime values leaves it.
  sandbox.run('sh', [
    '-c',
    `mkdir -p -m 0711 /run/nonlocal-bind && echo 1 > ${V4} && echo 'v2 none - absent net.ipv4.ip_nonlocal_bind=1:0' > /run/nonlocal-bind/apply.intent`,
  ]);
  const args = buildStepArguments({ values: { ipv6: '1' }, file: { op: 'none' } });
  const out = sandbox.run('/bin/sh', ['-s', '--', ...args], { input: PRIVILEGED_SCRIPT });
  expect(parseRecoveryLine(out.stdout)).toEqual({
    outcome: 'rolled-back',
    values: { ipv4: 0, ipv6: 0 },
    file: null,
  });
  expect(out.stdout).toContain('nonlocal-bind: applied');
  expect(sandbox.readText(V4)).toBe('0\n');
  expect(sandbox.readText(V6)).toBe('1\n');
});

test('an Apply that finds a killed Apply says in words what it did and the state it left', async () => {
  // As a step killed after writing the file but before its read-back leaves it.
  sandbox.run('sh', [
    '-c',
    [
      'mkdir -p -m 0711 /run/nonlocal-bind',
      `printf '%s' "$1" > ${FILE}`,
      `echo 1 > ${V4}`,
      `echo "v2 write 99-custom.conf $2 net.ipv4.ip_nonlocal_bind=1:0" > /run/nonlocal-bind/apply.intent`,
      'ln /etc/sysctl.d/99-custom.conf /etc/sysctl.d/.nonlocal-bind-tmp.bak.1',
    ].join(' && '),
    'sh',
    NEW,
    sha(NEW),
  ]);
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1, ipv6: 1 },
    persistence: { kind: 'runtime' },
  });
  if (!result.applied) throw new Error(JSON.stringify(result));
  expect(changeReportWords(result.report, settingNames(SETTINGS))).toContain(
    'An earlier Apply had been interrupted after /etc/sysctl.d/99-custom.conf was written; it was completed first: IPv4 is on and IPv6 is off, and /etc/sysctl.d/99-custom.conf holds its new content.',
  );
  expect(sandbox.readText(FILE)).toBe(NEW);
  expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('99-custom.conf\n');
});

test('recover runs alike fed on stdin and passed as a string, and reports a clean state', async () => {
  const viaStdin = sandbox.run('/bin/sh', ['-s', '--', 'recover'], { input: PRIVILEGED_SCRIPT });
  const viaString = sandbox.run('/bin/sh', ['-c', PRIVILEGED_SCRIPT, 'sh', 'recover']);
  const expected =
    'nonlocal-bind: recovered none file=- net.ipv4.ip_nonlocal_bind=0 net.ipv6.ip_nonlocal_bind=0\n';
  expect(viaStdin.stdout).toBe(expected);
  expect(viaString.stdout).toBe(expected);
  const args = buildStepArguments({ values: { ipv4: '1' }, file: { op: 'none' } });
  const applied = sandbox.run('/bin/sh', ['-c', PRIVILEGED_SCRIPT, 'sh', ...args]);
  expect(applied.stdout).toBe('nonlocal-bind: applied\n');
  expect(sandbox.readText(V4)).toBe('1\n');
});
