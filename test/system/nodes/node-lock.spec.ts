import { spawn, spawnSync } from 'node:child_process';
import { errorWords } from '../../../renderer/src/error-words';
import { expect, test } from '@playwright/test';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;
const STATE = '/run/nonlocal-bind';
const LOCK = `${STATE}/apply.lock`;
/** The lock file versions before protocol v2 used; anyone may hold one left 0644. */
const OLD_LOCK = `${STATE}/lock`;

/** Runs a command on the node as its unprivileged user, over ssh, as such a user would. */
function asPlainUser(node: SshNode, command: string) {
  return spawnSync(
    'ssh',
    [...node.settings.options, '-T', `${node.plainUser}@${node.alias}`, 'sh', '-c', `'${command}'`],
    { encoding: 'utf8', timeout: 30_000 },
  );
}

async function apply(node: SshNode, value: '0' | '1') {
  const tokens = buildStepArguments({ values: { ipv4: value }, file: { op: 'none' } });
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

  test('a lock an older version left open to everyone (0644) is not the lock: holding it stalls nothing', async () => {
    node.sandbox.run('sh', [
      '-c',
      `mkdir -p -m 0711 ${STATE} && : > ${OLD_LOCK} && chmod 0644 ${OLD_LOCK}`,
    ]);
    // The plain user can take that old file; an Apply does not wait for it.
    const held = spawn(
      'ssh',
      [
        ...node.settings.options,
        '-T',
        `${node.plainUser}@${node.alias}`,
        'sh',
        '-c',
        `'flock -n ${OLD_LOCK} sleep 30'`,
      ],
      { stdio: 'ignore' },
    );
    try {
      await expect
        .poll(
          () => node.sandbox.run('flock', ['-n', OLD_LOCK, 'true'], { allowFailure: true }).status,
          {
            timeout: 30_000,
          },
        )
        .toBe(1);
      const r = await apply(node, '1');
      expect(r, r.ok ? '' : errorWords(r.error)).toMatchObject({ ok: true, waited: false });
    } finally {
      held.kill('SIGKILL');
    }
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
    expect(r, r.ok ? '' : errorWords(r.error)).toMatchObject({ ok: true, waited: false });
  });
});
