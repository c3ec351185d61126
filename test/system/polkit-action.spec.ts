import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ChildApplyResult } from '../harness/apply-child';
import { applyCli } from '../harness/apply-child';
import { packagedFiles } from '../support/packaged-polkit';
import {
  addUserWithPassword,
  startPausedSubject,
  startPrivatePolkit,
  startTtyAgent,
  type PrivatePolkit,
} from '../harness/private-polkit';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { readActionWords } from '../../scripts/packaging/polkit-files';
import { HELPER_PATH, POLKIT_ACTION_ID } from '../../electron/system/step-helper';

/**
 * The named polkit action, real chain: the deb/rpm files (dist/polkit/, installed at the
 * paths electron-builder.yml's fpm mappings give them) inside a sandbox with a polkitd
 * of its own; a user with a password whom the rules ask to authenticate (AUTH_ADMIN);
 * pkttyagent on a pseudo-terminal as that user's agent; and the app's real Apply path.
 */
const USER = 'nbtest-action';
const PASSWORD = 'Nb-action-pw-7';
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';
const TAMPER_MARK = '/etc/nonlocal-bind-tampered-helper-ran';

// The user authenticates for the named action; the generic pkexec action (sudo-prompt's
// /bin/bash) is granted outright, so a fallback shows as a success under that action id.
const RULES = `polkit.addAdminRule(function (action, subject) {
  if (subject.user === "${USER}") return ["unix-user:${USER}"];
});
polkit.addRule(function (action, subject) {
  if (subject.user !== "${USER}") return polkit.Result.NOT_HANDLED;
  polkit.log("nonlocal-bind-action-test " + action.id);
  if (action.id === "${POLKIT_ACTION_ID}") return polkit.Result.AUTH_ADMIN;
  if (action.id === "org.freedesktop.policykit.exec") return polkit.Result.YES;
  return polkit.Result.NOT_HANDLED;
});
`;

const request = {
  values: { ipv4: 1 as const, ipv6: 1 as const },
  persistence: {
    kind: 'persist' as const,
    fileName: '90-nonlocal-bind.conf',
    expectedSha256: null,
  },
};

/** Which polkit actions the rules saw, in order. */
function actionsAsked(polkit: PrivatePolkit): string[] {
  return [...polkit.readLog().matchAll(/nonlocal-bind-action-test (\S+)/g)].map((m) => m[1] ?? '');
}

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox({ pidNamespace: true });
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/**
 * Starts the app's Apply as USER, paused until `go()`, so an agent can be registered for
 * its process first (pkexec's subject is its parent: this process).
 */
async function startApply(): Promise<{
  pid: number;
  go(): void;
  result: Promise<ChildApplyResult>;
}> {
  const cli = await applyCli();
  const subject = await startPausedSubject(sandbox, USER, 'exec "$@"', [
    process.execPath,
    cli,
    JSON.stringify(request),
  ]);
  const result = subject.closed.then((code) => {
    const { stdout, stderr } = subject.output();
    if (code !== 0) throw new Error(`apply child failed (${code}): ${stderr}`);
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildApplyResult;
  });
  return { pid: subject.pid, go: subject.go, result };
}

test('a matching helper: polkit asks with the action’s own message, the password is typed, Apply succeeds', async () => {
  const polkit = await startPrivatePolkit(sandbox, packagedFiles(), RULES);
  addUserWithPassword(sandbox, USER, PASSWORD);
  const apply = await startApply();
  const agent = startTtyAgent(sandbox, USER, apply.pid);
  try {
    await agent.waitFor(/AGENT-REGISTERED/);
    apply.go();
    await agent.waitFor(/Password:/);
    expect(agent.output()).toContain(`AUTHENTICATING FOR ${POLKIT_ACTION_ID}`);
    expect(agent.output()).toContain(readActionWords().message);
    expect(agent.output()).toContain(`Authenticating as: ${USER}`);
    agent.type(PASSWORD);
    const result = await apply.result;
    expect(result).toMatchObject({ applied: true });
    expect(agent.output()).toContain('AUTHENTICATION COMPLETE');
  } finally {
    agent.stop();
  }
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(sandbox.run('stat', ['-c', '%u %a', FILE]).stdout.trim()).toBe('0 644');
  // Only the named action was asked for: no /bin/bash through sudo-prompt.
  expect(actionsAsked(polkit)).toEqual([POLKIT_ACTION_ID]);
});

test('a modified helper is refused: the app falls back to sudo-prompt and never runs it', async () => {
  const files = packagedFiles().map((file) =>
    file.path === HELPER_PATH
      ? {
          ...file,
          // Still a working step, plus one line that leaves a mark when it runs.
          content: Buffer.from(
            file.content.toString('utf8').replace('\nset -u\n', `\nset -u\n: > ${TAMPER_MARK}\n`),
          ),
        }
      : file,
  );
  expect(files.some((f) => f.path === HELPER_PATH && f.content.includes(TAMPER_MARK))).toBe(true);
  const polkit = await startPrivatePolkit(sandbox, files, RULES);
  addUserWithPassword(sandbox, USER, PASSWORD);
  const apply = await startApply();
  apply.go();
  const result = await apply.result;
  expect(result).toMatchObject({ applied: true });
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(sandbox.run('test', ['-e', TAMPER_MARK], { allowFailure: true }).status).not.toBe(0);
  // Applied through the generic action (sudo-prompt's /bin/bash), never the named one.
  expect(actionsAsked(polkit)).toEqual(['org.freedesktop.policykit.exec']);
});

test('the named action without an agent: explained as "no polkit agent", nothing changed', async () => {
  const polkit = await startPrivatePolkit(sandbox, packagedFiles(), RULES);
  addUserWithPassword(sandbox, USER, PASSWORD);
  const apply = await startApply();
  apply.go();
  const result = await apply.result;
  expect(result).toMatchObject({ applied: false, error: { code: 'no-polkit-agent' } });
  expect(sandbox.readText(V4)).toBe('0\n');
  expect(sandbox.run('test', ['-e', FILE], { allowFailure: true }).status).not.toBe(0);
  expect(actionsAsked(polkit)).toEqual([POLKIT_ACTION_ID]);
});

for (const [name, answer, code] of [
  ['a wrong password', 'not-the-password', 'auth-refused'],
  // Ctrl-C ends pkttyagent mid-prompt, as closing a desktop agent's dialog would.
  ['a cancelled prompt (Ctrl-C)', '\u0003', 'auth-refused'],
] as const) {
  test(`the named action with ${name}: pkexec's refusal is reported as such, nothing changed`, async () => {
    const polkit = await startPrivatePolkit(sandbox, packagedFiles(), RULES);
    addUserWithPassword(sandbox, USER, PASSWORD);
    const apply = await startApply();
    const agent = startTtyAgent(sandbox, USER, apply.pid);
    try {
      await agent.waitFor(/AGENT-REGISTERED/);
      apply.go();
      await agent.waitFor(/Password:/);
      agent.type(answer);
      const result = await apply.result;
      expect(result).toMatchObject({ applied: false, error: { code } });
    } finally {
      agent.stop();
    }
    expect(sandbox.readText(V4)).toBe('0\n');
    expect(actionsAsked(polkit)).toEqual([POLKIT_ACTION_ID]);
  });
}

test('pkexec gets the helper and the validated tokens as its own arguments, and its 126 (dismissed) is a refusal', async () => {
  await startPrivatePolkit(sandbox, packagedFiles(), RULES);
  addUserWithPassword(sandbox, USER, PASSWORD);
  // A stand-in pkexec in this sandbox only: records its argv, then answers "dismissed".
  // The stand-in runs as the user (it is not setuid): it records into a directory of the
  // sandbox's own tmpfs that the user may write.
  const record = `${sandbox.scratch}/pkexec-record/argv`;
  sandbox.run('install', ['-d', '-m', '1777', `${sandbox.scratch}/pkexec-record`]);
  sandbox.writeText(
    '/etc/nb-pkexec-stand-in',
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > ${record}\nexit 126\n`,
  );
  sandbox.run('chmod', ['755', '/etc/nb-pkexec-stand-in']);
  sandbox.run('mount', ['--bind', '/etc/nb-pkexec-stand-in', '/usr/bin/pkexec']);
  const apply = await startApply();
  apply.go();
  const result = await apply.result;
  expect(result).toMatchObject({ applied: false, error: { code: 'auth-refused' } });
  const argv = sandbox.readText(record).split('\0').slice(0, -1);
  const content = Buffer.from(result.plan?.file.op === 'write' ? result.plan.file.content : '');
  expect(argv).toEqual([
    '--disable-internal-agent',
    HELPER_PATH,
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    'net.ipv6.ip_nonlocal_bind=1',
    '--',
    'write',
    '90-nonlocal-bind.conf',
    'absent',
    content.toString('base64'),
  ]);
});

test('the documented rule lets a member of nbadmins apply without a password', async () => {
  // The rule exactly as docs/polkit-action.md shows it, after one that only logs.
  const doc = readFileSync('docs/polkit-action.md', 'utf8');
  const rule = /```js\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  expect(rule).toContain("subject.isInGroup('nbadmins')");
  const logOnly = `polkit.addRule(function (action, subject) {
  if (subject.user === "${USER}") polkit.log("nonlocal-bind-action-test " + action.id);
});
`;
  const polkit = await startPrivatePolkit(sandbox, packagedFiles(), logOnly + rule);
  addUserWithPassword(sandbox, USER, PASSWORD);
  sandbox.run('groupadd', ['nbadmins']);
  sandbox.run('usermod', ['-aG', 'nbadmins', USER]);
  // No agent: nobody could type a password.
  const apply = await startApply();
  apply.go();
  expect(await apply.result).toMatchObject({ applied: true });
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(actionsAsked(polkit)).toEqual([POLKIT_ACTION_ID]);
});
