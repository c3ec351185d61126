import { spawnSync } from 'node:child_process';
import { errorWords } from '../../../renderer/src/error-words';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { applyOnNode, probeSudo } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import {
  addSudoers,
  faillockFailures,
  PAM_UNIX_FAIL_DELAY_MAX_MS,
  useFaillock,
} from '../../support/node-pam';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;

const FILE = '60-nonlocal-bind.conf';
const tokens = buildStepArguments({
  values: { ipv4: '1' },
  file: {
    op: 'write',
    name: FILE,
    expectedSha256: null,
    content: 'net.ipv4.ip_nonlocal_bind = 1\n',
  },
});

function kernel(node: SshNode): string {
  return node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim();
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

test.describe('one sudo password attempt per Apply, on a node whose PAM locks after 3 failures', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeAll(() => {
    useFaillock(trusted(), 3);
  });
  test.beforeEach(() => {
    node = trusted();
  });

  test('a wrong password costs one failure and one PAM delay; the right one then applies', async () => {
    const wrong = await timed(() =>
      applyOnNode(node.settings, dest(node.alias), PRIVILEGED_SCRIPT, tokens, Buffer.from('typo')),
    );
    expect(wrong.value).toMatchObject({ ok: false, kind: 'wrong-password' });
    expect(faillockFailures(node, node.sudoUser)).toBe(1);
    expect(kernel(node)).toBe('0');

    const right = await timed(() =>
      applyOnNode(
        node.settings,
        dest(node.alias),
        PRIVILEGED_SCRIPT,
        tokens,
        Buffer.from(node.sudoPassword),
      ),
    );
    expect(right.value, right.value.ok ? '' : errorWords(right.value.error)).toMatchObject({
      ok: true,
    });
    expect(kernel(node)).toBe('1');
    expect(node.sandbox.readText(`/etc/sysctl.d/${FILE}`)).toContain('ip_nonlocal_bind = 1');
    // The wrong try is the right one's work (ssh, sudo, PAM) without the step, plus one fail
    // delay; twice the right one's time leaves room for a loaded machine, and three delays
    // (sudo's default of 3 tries) would need at least 3 s more on average.
    expect(wrong.ms).toBeLessThan(PAM_UNIX_FAIL_DELAY_MAX_MS + 2 * right.ms);
  });

  test('a locked account is named as such, and nothing runs', async () => {
    // The old way (`sudo -S` reading three lines) locks the plain user: proof that this
    // node's faillock counts, so the single failure above is the app's doing.
    const plain = dest(`${node.plainUser}@${node.alias}`);
    const old = spawnSync(
      'ssh',
      [...node.settings.options, '-T', `${node.plainUser}@${node.alias}`, 'sudo', '-S', 'true'],
      { input: 'bad-1\nbad-2\nbad-3\n', encoding: 'utf8', timeout: 60_000 },
    );
    expect(old.stderr).toContain('3 incorrect password attempts');
    expect(faillockFailures(node, node.plainUser)).toBe(3);
    const r = await applyOnNode(
      node.settings,
      plain,
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from(node.plainPassword),
    );
    expect(r).toMatchObject({ ok: false, kind: 'account-locked' });
    expect(r.ok ? '' : errorWords(r.error)).toContain(`faillock --user ${node.plainUser} --reset`);
  });

  test('no password where sudo wants one: refused before any attempt', async () => {
    const before = faillockFailures(node, node.sudoUser);
    const r = await applyOnNode(node.settings, dest(node.alias), PRIVILEGED_SCRIPT, tokens, null);
    expect(r).toMatchObject({ ok: false, kind: 'password-needed' });
    expect(faillockFailures(node, node.sudoUser)).toBe(before);
  });

  test('"Defaults requiretty": named with the line to add, and nothing runs', async () => {
    addSudoers(node, 'zz-requiretty', 'Defaults requiretty\n');
    try {
      const probe = await probeSudo(node.settings, dest(node.alias));
      expect(probe).toMatchObject({ ok: false, kind: 'requiretty' });
      const undo = buildStepArguments({
        values: { ipv4: '0' },
        file: { op: 'none' },
      });
      const r = await applyOnNode(
        node.settings,
        dest(node.alias),
        PRIVILEGED_SCRIPT,
        undo,
        Buffer.from(node.sudoPassword),
      );
      expect(r).toMatchObject({ ok: false, kind: 'requiretty' });
      expect(r.ok ? '' : errorWords(r.error)).toContain(`Defaults:${node.sudoUser} !requiretty`);
      expect(r.ok ? '' : errorWords(r.error)).not.toContain('rolled back');
      expect(kernel(node)).toBe('1');
    } finally {
      node.sandbox.run('rm', ['-f', '/etc/sudoers.d/zz-requiretty']);
    }
  });
});

test.describe('a node whose sudo allows one try (passwd_tries=1)', () => {
  const trusted = shareTrustedNode(test);
  test('a wrong password: sudo gives up by itself, one failure, named as a wrong password', async () => {
    const node = trusted();
    useFaillock(node, 3);
    addSudoers(node, 'zz-one-try', 'Defaults passwd_tries=1\n');
    const r = await applyOnNode(
      node.settings,
      dest(node.alias),
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from('typo'),
    );
    expect(r).toMatchObject({ ok: false, kind: 'wrong-password' });
    expect(faillockFailures(node, node.sudoUser)).toBe(1);
    expect(kernel(node)).toBe('0');
  });
});
