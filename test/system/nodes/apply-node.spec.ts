import { expect, test } from '@playwright/test';
import { errorWords } from '../../../renderer/src/error-words';
import { applyOnNode, probeSudo } from '../../../electron/system/nodes/remote-apply';
import { predictFromSnapshot } from '../../../electron/system/nodes/predict-from-snapshot';
import { readNodeAnswer } from '../../../electron/system/nodes/read-node';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;

const FILE = '60-nonlocal-bind.conf';
const CONTENT = 'net.ipv4.ip_nonlocal_bind = 1\n';
const tokens = buildStepArguments({
  values: { ipv4: '1' },
  file: { op: 'write', name: FILE, expectedSha256: null, content: CONTENT },
});

/** Listens on a VIP the node does not have: works only with non-local bind on. */
function bindTest(node: SshNode): boolean {
  const r = node.sandbox.run('timeout', ['1', 'nc', '-l', '192.0.2.10', '8080'], {
    allowFailure: true,
  });
  return r.status === 124;
}

function nodeState(node: SshNode) {
  return {
    kernel: node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim(),
    files: node.sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout,
  };
}

test.describe('applying on a node through sudo over real OpenSSH', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
  });

  test('a user without sudo rights is told so, and nothing changes', async () => {
    const probe = await probeSudo(node.settings, dest(`${node.plainUser}@${node.alias}`));
    // sudo -n cannot tell "no rights" from "password needed" before authentication.
    expect(probe).toEqual({ ok: true, needsPassword: true });
    const r = await applyOnNode(
      node.settings,
      dest(`${node.plainUser}@${node.alias}`),
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from(node.plainPassword),
    );
    expect(r).toMatchObject({ ok: false, kind: 'no-sudo' });
    expect(nodeState(node)).toEqual({ kernel: '0', files: '' });
  });

  test('a wrong password is refused, and nothing changes', async () => {
    const probe = await probeSudo(node.settings, dest(node.alias));
    expect(probe).toEqual({ ok: true, needsPassword: true });
    const r = await applyOnNode(
      node.settings,
      dest(node.alias),
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from('wrong password'),
    );
    expect(r).toMatchObject({ ok: false, kind: 'wrong-password' });
    expect(nodeState(node)).toEqual({ kernel: '0', files: '' });
    expect(bindTest(node)).toBe(false);
  });

  test('the right password applies: kernel value, file bytes, bind test and a fresh read prove it', async () => {
    const r = await applyOnNode(
      node.settings,
      dest(node.alias),
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from(node.sudoPassword),
    );
    expect(r).toMatchObject({ ok: true });
    expect(nodeState(node)).toEqual({ kernel: '1', files: `${FILE}\n` });
    expect(node.sandbox.readText(`/etc/sysctl.d/${FILE}`)).toBe(CONTENT);
    expect(bindTest(node)).toBe(true);
    const read = await readNodeAnswer(node.settings, dest(node.alias));
    if (!read.ok) throw new Error(errorWords(read.error));
    const boot = predictFromSnapshot(read.snapshot).boot.settings.find((s) => s.id === 'ipv4');
    expect(boot?.systemd.winner?.path).toBe(`/etc/sysctl.d/${FILE}`);
    expect(boot?.bootValue).toBe(1);
  });

  test('sshd killed mid-step: the dropped connection is named, and the node is left whole', async () => {
    // A step that changes the file (the file's hash is now known, so write a different content).
    const slow = PRIVILEGED_SCRIPT.replace('set -u\n', 'set -u\nsleep 3\n');
    const undo = buildStepArguments({
      values: { ipv4: '0' },
      file: { op: 'delete', name: FILE, expectedSha256: null },
    });
    const pending = applyOnNode(
      node.settings,
      dest(node.alias),
      slow,
      undo,
      Buffer.from(node.sudoPassword),
    );
    await new Promise((r) => setTimeout(r, 1500));
    await node.stopSshd();
    const r = await pending;
    expect(r).toMatchObject({ ok: false, kind: 'dropped' });
    expect(r.ok ? '' : errorWords(r.error)).toContain('read the node again');
    expect(nodeState(node)).toEqual({ kernel: '1', files: `${FILE}\n` });
    const down = await applyOnNode(
      node.settings,
      dest(node.alias),
      PRIVILEGED_SCRIPT,
      undo,
      Buffer.from(node.sudoPassword),
    );
    expect(down).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(nodeState(node)).toEqual({ kernel: '1', files: `${FILE}\n` });
  });
});
