import { spawn, type ChildProcess } from 'node:child_process';
import { errorWords } from '../../../renderer/src/error-words';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { applyOnNode, STEP_LOCK_WAIT_S } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;
const LOCK = '/run/nonlocal-bind/apply.lock';
const on = buildStepArguments({ values: { ipv4: '1' }, file: { op: 'none' } });
const off = buildStepArguments({ values: { ipv4: '0' }, file: { op: 'none' } });

/** Another Apply on the node: root holds the step's lock for `seconds`. */
async function holdLock(node: SshNode, seconds: number): Promise<ChildProcess> {
  const sb = node.sandbox;
  sb.run('mkdir', ['-p', '-m', '0711', '/run/nonlocal-bind']);
  // The step's lock file as the step makes it (one `flock` would create it 0644).
  sb.run('install', ['-m', '0600', '/dev/null', LOCK]);
  const holder = spawn(
    sb.enterArgs[0] as string,
    [...sb.enterArgs.slice(1), 'flock', LOCK, 'sleep', String(seconds)],
    { stdio: 'ignore' },
  );
  await expect
    .poll(() => sb.run('flock', ['-n', LOCK, 'true'], { allowFailure: true }).status)
    .toBe(1);
  return holder;
}

async function release(holder: ChildProcess): Promise<void> {
  if (holder.exitCode === null && holder.signalCode === null) {
    holder.kill('SIGKILL');
    await once(holder, 'exit');
  }
}

function kernel(node: SshNode): string {
  return node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim();
}

test('the step waits as long as the app allows an Apply to take', () => {
  expect(PRIVILEGED_SCRIPT).toContain(`flock -w ${STEP_LOCK_WAIT_S} 9`);
});

test.describe('an Apply queued behind another on the node', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
  });

  test('it waits past the ssh timeout for its turn, then applies and says it waited', async () => {
    // The lock is held for twice the session's own time limit: before, the app gave up
    // then with "connection dropped" while the node applied later anyway.
    const settings = { ...node.settings, timeoutMs: 3000 };
    const holder = await holdLock(node, (2 * settings.timeoutMs) / 1000);
    try {
      const r = await applyOnNode(
        settings,
        dest(node.alias),
        PRIVILEGED_SCRIPT,
        on,
        Buffer.from(node.sudoPassword),
      );
      expect(r, r.ok ? '' : errorWords(r.error)).toMatchObject({ ok: true, waited: true });
      expect(kernel(node)).toBe('1');
    } finally {
      await release(holder);
    }
  });

  test('when the other Apply keeps the lock, it gives up there, says why, and changes nothing', async () => {
    // The step's own 5-minute wait, shortened in a copy of the script so the test sees its end.
    const impatient = PRIVILEGED_SCRIPT.replace(`flock -w ${STEP_LOCK_WAIT_S} 9`, 'flock -w 2 9');
    expect(impatient).not.toBe(PRIVILEGED_SCRIPT);
    const holder = await holdLock(node, 60);
    try {
      const r = await applyOnNode(
        node.settings,
        dest(node.alias),
        impatient,
        off,
        Buffer.from(node.sudoPassword),
      );
      expect(r).toMatchObject({ ok: false, kind: 'lock-busy', waiting: true });
      expect(r.ok ? '' : errorWords(r.error)).toContain('waiting for another Apply on the node');
      expect(r.ok ? '' : errorWords(r.error)).not.toContain('dropped');
      expect(kernel(node)).toBe('1');
    } finally {
      await release(holder);
    }
  });
});
