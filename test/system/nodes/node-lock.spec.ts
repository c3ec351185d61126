import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;
const STATE = '/run/nonlocal-bind';
const LOCK = `${STATE}/lock`;

/** Runs a command on the node as its unprivileged user, over ssh, as such a user would. */
function asPlainUser(node: SshNode, command: string) {
  return spawnSync(
    'ssh',
    [...node.settings.options, '-T', `${node.plainUser}@${node.alias}`, 'sh', '-c', `'${command}'`],
    { encoding: 'utf8', timeout: 30_000 },
  );
}

async function apply(node: SshNode, value: '0' | '1') {
  const tokens = buildStepArguments({ ipv4: value, ipv6: '-', file: { op: 'none' } });
  return applyOnNode(
    node.settings,
    dest(node.alias),
    PRIVILEGED_SCRIPT,
    tokens,
    Buffer.from(node.sudoPassword),
  );
}

test.describe("the step's lock on a node is root's alone", () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
  });

  test('a lock an older version left open to everyone (0644) is closed by the next Apply', async () => {
    node.sandbox.run('sh', [
      '-c',
      `mkdir -p -m 0711 ${STATE} && : > ${LOCK} && chmod 0644 ${LOCK}`,
    ]);
    // The hole being closed: the plain user can take such a lock and stall every Apply.
    expect(asPlainUser(node, `flock -n ${LOCK} true && echo took-it`).stdout).toContain('took-it');
    const r = await apply(node, '1');
    expect(r, r.ok ? '' : r.message).toMatchObject({ ok: true, waited: false });
    expect(node.sandbox.run('stat', ['-c', '%a %U', LOCK]).stdout.trim()).toBe('600 root');
  });

  test('an unprivileged user can neither open nor take it, and an Apply never waits for them', async () => {
    const open = asPlainUser(node, `exec 9<${LOCK} && echo opened`);
    expect(open.stdout).not.toContain('opened');
    expect(open.stderr).toMatch(/Permission denied/);
    const take = asPlainUser(node, `flock -n ${LOCK} sleep 30 && echo took-it`);
    expect(take.stdout).not.toContain('took-it');
    expect(take.status).not.toBe(0);
    const r = await apply(node, '0');
    expect(r, r.ok ? '' : r.message).toMatchObject({ ok: true, waited: false });
  });
});
