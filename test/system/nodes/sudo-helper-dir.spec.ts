import path from 'node:path';
import { errorWords } from '../../../renderer/src/error-words';
import { expect, test } from '@playwright/test';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;
const on = buildStepArguments({ values: { ipv4: '1' }, file: { op: 'none' } });

function kernel(node: SshNode): string {
  return node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim();
}

/**
 * Where sudo's one-shot password helper may live on a hardened node: /tmp and /var/tmp
 * mounted noexec (CIS), as the node's own mounts only (its private mount namespace).
 */
test.describe('a node whose /tmp and /var/tmp are noexec', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeAll(() => {
    const sb = trusted().sandbox;
    for (const dir of ['/tmp', '/var/tmp']) {
      // --rbind keeps the test's own mounts under /tmp; noexec applies to the top one only.
      sb.run('mount', ['--rbind', dir, dir]);
      sb.run('mount', ['-o', 'remount,bind,noexec', dir]);
    }
  });
  test.beforeEach(() => {
    node = trusted();
  });

  test('with no other place for the helper: said so before sudo runs, nothing changed', async () => {
    // The sudo user's home is the test's read-only directory: nowhere to run a program.
    const r = await applyOnNode(
      node.settings,
      dest(node.alias),
      PRIVILEGED_SCRIPT,
      on,
      Buffer.from(node.sudoPassword),
    );
    expect(r).toMatchObject({ ok: false, kind: 'no-askpass' });
    expect(r.ok ? '' : errorWords(r.error)).toContain('noexec');
    expect(kernel(node)).toBe('0');
  });

  test('with a home of its own, the helper runs from there and is removed afterwards', async () => {
    const sb = node.sandbox;
    const home = path.join(node.dir, 'chatty-home');
    const own = `${sb.scratch}/chatty-home`;
    sb.run('sh', ['-c', `mkdir -p ${own} && chown ${node.chattyUser} ${own}`]);
    sb.run('mount', ['--bind', own, home]);
    try {
      const r = await applyOnNode(
        node.settings,
        dest(`${node.chattyUser}@${node.alias}`),
        PRIVILEGED_SCRIPT,
        on,
        Buffer.from(node.sudoPassword),
      );
      expect(r, r.ok ? '' : errorWords(r.error)).toMatchObject({ ok: true });
      expect(kernel(node)).toBe('1');
      expect(sb.run('ls', ['-A', home]).stdout).toBe('');
    } finally {
      sb.run('umount', [home]);
    }
  });
});
