import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiError } from '../../electron/contract';
import { SAFE_COMMAND_BYTES, type StepPlan } from '../../electron/system/privileged-step';
import { bundleForChild } from '../harness/bundle';
import { createPolkitSandbox, POLKIT_USERS } from '../harness/polkit-sandbox';
import { asUserArgv, type Sandbox } from '../harness/sandbox';

/**
 * The elevation chain depends on nothing but the step: root's shell startup files
 * never run (sudo-prompt is patched to start bash with --noprofile --norc), and the
 * working directory never reaches a shell string (it is single-quoted).
 */
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const RUNTIME_ONLY: StepPlan = { values: { ipv4: '1' }, file: { op: 'none' } };
const STALE: StepPlan = {
  values: { ipv4: '1' },
  file: {
    op: 'write',
    name: '90-nonlocal-bind.conf',
    expectedSha256: 'a'.repeat(64),
    content: 'net.ipv4.ip_nonlocal_bind = 1\n',
  },
};

interface StepAnswer {
  readonly kind: 'ran' | 'not-elevated';
  readonly error: ApiError | null;
  readonly ms: number;
}

let sandbox: Sandbox;
let cli: string;
test.beforeEach(async () => {
  ({ sandbox } = await createPolkitSandbox());
  cli = await bundleForChild('test/system/fixtures/step-cli.ts');
});
test.afterEach(async () => {
  await sandbox.dispose();
});

function runStepAs(user: string, plan: StepPlan, cwd = '/'): StepAnswer {
  const [command, ...prefix] = asUserArgv(user);
  const result = sandbox.run(
    command as string,
    [...prefix, process.execPath, cli, JSON.stringify(plan)],
    { allowFailure: true, timeoutMs: 60_000, cwd },
  );
  if (result.status !== 0) throw new Error(`step child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as StepAnswer;
}

/** Puts `content` over /root/.bashrc inside the sandbox's mount namespace only. */
function rootBashrc(content: string): void {
  // Inside the sandbox's /etc overlay, so nothing is left on the host's /tmp.
  const file = `/etc/nb-bashrc-${randomBytes(4).toString('hex')}`;
  sandbox.writeText(file, content);
  sandbox.run('touch', ['/root/.bashrc']);
  sandbox.run('mount', ['--bind', file, '/root/.bashrc']);
}

for (const [name, bashrc] of [
  ['prints a welcome line', 'echo "Welcome to this server, root!"\n'],
  ['sleeps 2 s', 'sleep 2\n'],
  ['exits with an error', 'echo broken >&2\nexit 3\n'],
] as const) {
  test(`root's .bashrc that ${name}: Apply succeeds at full speed, and a failing step is reported as itself`, async () => {
    rootBashrc(bashrc);
    const applied = runStepAs(POLKIT_USERS.granted, RUNTIME_ONLY);
    expect(applied).toMatchObject({ kind: 'ran', error: null });
    expect(sandbox.readText(V4)).toBe('1\n');
    // A 2 s sleep in .bashrc would show here if bash still read it.
    expect(applied.ms).toBeLessThan(1500);
    const stale = runStepAs(POLKIT_USERS.granted, STALE);
    expect(stale).toMatchObject({ kind: 'ran', error: { code: 'file-changed' } });
  });
}

test('through sudo-prompt too, the step refuses a change beyond the two settings and changes nothing', async () => {
  const conf = '# site\nnet.ipv4.ip_nonlocal_bind = 0\nkernel.sysrq = 0\n';
  sandbox.writeText('/etc/sysctl.conf', conf);
  const sha = sandbox.run('sha256sum', ['/etc/sysctl.conf']).stdout.split(' ')[0] ?? '';
  const attack: StepPlan = {
    values: { ipv4: '1' },
    file: {
      op: 'write-conf',
      expectedSha256: sha,
      content: conf.replace('= 0\n', '= 1\n') + 'kernel.modprobe = /tmp/evil\n',
    },
  };
  const answer = runStepAs(POLKIT_USERS.granted, attack);
  expect(answer).toMatchObject({ kind: 'ran', error: { code: 'change-outside-settings' } });
  expect(sandbox.readText('/etc/sysctl.conf')).toBe(conf);
  // Refused before anything changed: the runtime value is untouched too.
  expect(sandbox.readText(V4)).toBe('0\n');
});

test('working directories named with $, backticks, quotes and newlines never reach a shell', async () => {
  const marker = `/tmp/nb-injected-${randomBytes(4).toString('hex')}`;
  const base = path.join(os.tmpdir(), `nb-cwd-${randomBytes(4).toString('hex')}`);
  // A stand-in pkexec records the arguments it was given, and stops there.
  const capture = path.join(base, 'pkexec-args');
  const standIn = path.join(base, 'pkexec');
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o777);
  writeFileSync(
    standIn,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >> ${capture}\nprintf '\\n' >> ${capture}\nexit 126\n`,
  );
  chmodSync(standIn, 0o755);
  const names = [
    `x$(touch ${marker}-dollar)y`,
    `x\`touch ${marker}-backtick\`y`,
    `q"; touch ${marker}-dquote; "`,
    `q'; touch ${marker}-squote; '`,
    `n\ntouch ${marker}-newline\n`,
  ];
  try {
    sandbox.run('mount', ['--bind', standIn, '/usr/bin/pkexec']);
    for (const name of names) {
      const cwd = path.join(base, name);
      mkdirSync(cwd, { recursive: true });
      chmodSync(cwd, 0o777);
      const answer = runStepAs(POLKIT_USERS.granted, RUNTIME_ONLY, cwd);
      // The stand-in refused (126): reported as not elevated, never as a step failure.
      expect(answer.kind).toBe('not-elevated');
    }
    for (const suffix of ['dollar', 'backtick', 'dquote', 'squote', 'newline']) {
      expect(existsSync(`${marker}-${suffix}`), suffix).toBe(false);
    }
    const calls = sandbox.readText(capture).split('\n').filter(Boolean);
    expect(calls).toHaveLength(names.length);
    for (const call of calls) {
      const args = call.split('\0').filter(Boolean);
      expect(args.slice(0, 5)).toEqual([
        '--disable-internal-agent',
        '/bin/bash',
        '--noprofile',
        '--norc',
        '-c',
      ]);
      expect(args[5]).toMatch(
        /^echo SUDOPROMPT; \/bin\/sh <\(gzip -dc <\(base64 -d <<< [A-Za-z0-9+/=]+\)\) /,
      );
      expect(SAFE_COMMAND_BYTES.test((args[5] ?? '').replace('SUDOPROMPT;', 'SUDOPROMPT'))).toBe(
        true,
      );
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
