import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT, STEP_EXIT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

/**
 * A sudo user on a node who calls the step with their own arguments (not the app's planner)
 * gets no more than the two settings either: the same step refuses, over real ssh and sudo.
 */
const CONF = '# node site settings\nkernel.sysrq = 0\nnet.ipv4.ip_nonlocal_bind = 0\n';
const ON = CONF.replace('ip_nonlocal_bind = 0', 'ip_nonlocal_bind = 1');
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

test.describe('the step on a node refuses what is more than the two settings', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
    node.sandbox.writeText('/etc/sysctl.conf', CONF);
  });

  const run = (content: string) =>
    applyOnNode(
      node.settings,
      nodeDestination(node.alias),
      PRIVILEGED_SCRIPT,
      buildStepArguments({
        values: { ipv4: '1' },
        file: { op: 'write-conf', expectedSha256: sha(CONF), content },
      }),
      Buffer.from(node.sudoPassword),
    );

  test('kernel.modprobe added to /etc/sysctl.conf: refused with the step’s code, the file and the kernel untouched', async () => {
    const r = await run(`${ON}kernel.modprobe = /tmp/evil\n`);
    expect(r).toMatchObject({ ok: false, exitCode: STEP_EXIT.outsideSettings });
    expect(node.sandbox.readText('/etc/sysctl.conf')).toBe(CONF);
    expect(node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim()).toBe('0');
  });

  test('the same change without the foreign line applies', async () => {
    const r = await run(ON);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect(node.sandbox.readText('/etc/sysctl.conf')).toBe(ON);
  });
});
