import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { runStepInSandbox } from '../harness/run-step';
import { createSandbox } from '../harness/sandbox';
import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import { buildStepArguments } from '../../electron/system/privileged-step';

const FILE = '/etc/sysctl.d/99-custom.conf';
const OLD = '# keep me\r\nvm.swappiness = 10\r\nnet.ipv4.ip_nonlocal_bind = 0\r\n';
const NEW = '# keep me\r\nvm.swappiness = 10\r\nnet.ipv4.ip_nonlocal_bind = 1\r\n';
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

test('SIGKILL at random points never leaves a half-written file (60 runs)', async () => {
  test.setTimeout(120_000);
  const sandbox = await createSandbox();
  const args = buildStepArguments({
    values: { ipv4: '1' },
    file: { op: 'write', name: '99-custom.conf', expectedSha256: sha(OLD), content: NEW },
  });
  const runStep = (killAfterMs: number | null) => runStepInSandbox(sandbox, args, killAfterMs);
  try {
    sandbox.writeText(FILE, OLD);
    const started = Date.now();
    await runStep(null);
    const fullMs = Math.max(Date.now() - started, 5);
    expect(sandbox.readText(FILE)).toBe(NEW);
    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < 60; i += 1) {
      sandbox.writeText(FILE, OLD);
      sandbox.run('sh', ['-c', 'echo 0 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
      await runStep(Math.random() * fullMs * 1.2);
      await new Promise((r) => setTimeout(r, 20));
      const content = sandbox.readText(FILE);
      expect([OLD, NEW]).toContain(content);
      outcomes[content === OLD ? 'old' : 'new'] += 1;
    }
    // Both outcomes must occur, or the kill points never hit the interesting window.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    console.log(
      `crash safety: step takes ~${fullMs} ms; after SIGKILL old=${outcomes.old} new=${outcomes.new}`,
    );
  } finally {
    await sandbox.dispose();
  }
});

test('the step itself refuses a stale hash even if the planner was bypassed', async () => {
  const sandbox = await createSandbox();
  try {
    sandbox.writeText(FILE, OLD);
    const args = buildStepArguments({
      values: { ipv4: '1' },
      file: {
        op: 'write',
        name: '99-custom.conf',
        expectedSha256: sha('something else'),
        content: NEW,
      },
    });
    const result = sandbox.run('/bin/sh', ['-s', '--', ...args], {
      input: PRIVILEGED_SCRIPT,
      allowFailure: true,
    });
    expect(result.status).toBe(65);
    expect(result.stderr).toContain('changed since it was read');
    expect(sandbox.readText(FILE)).toBe(OLD);
    expect(sandbox.readText('/proc/sys/net/ipv4/ip_nonlocal_bind')).toBe('0\n');
  } finally {
    await sandbox.dispose();
  }
});

test('the step re-validates its arguments and rolls back when /proc/sys is read-only', async () => {
  const sandbox = await createSandbox();
  try {
    const bad = sandbox.run(
      '/bin/sh',
      [
        '-s',
        '--',
        'v2',
        'net.ipv4.ip_nonlocal_bind=1',
        '--',
        'write',
        '../passwd',
        'absent',
        'AAAA',
      ],
      {
        input: PRIVILEGED_SCRIPT,
        allowFailure: true,
      },
    );
    expect(bad.status).toBe(64);
    sandbox.writeText(FILE, OLD);
    // A read-only /proc/sys, as inside many containers.
    sandbox.run('sh', [
      '-c',
      'mount --bind /proc/sys /proc/sys && mount -o remount,bind,ro /proc/sys',
    ]);
    const args = buildStepArguments({
      values: { ipv4: '1' },
      file: { op: 'write', name: '99-custom.conf', expectedSha256: sha(OLD), content: NEW },
    });
    const result = sandbox.run('/bin/sh', ['-s', '--', ...args], {
      input: PRIVILEGED_SCRIPT,
      allowFailure: true,
    });
    expect(result.status).toBe(67);
    expect(sandbox.readText(FILE)).toBe(OLD);
    expect(sandbox.readText('/proc/sys/net/ipv4/ip_nonlocal_bind')).toBe('0\n');
    expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('99-custom.conf\n');
  } finally {
    await sandbox.dispose();
  }
});
