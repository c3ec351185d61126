import { expect, test } from '@playwright/test';
import { errorWords } from '../../../renderer/src/error-words';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderAnsibleTasks, renderCloudInit } from '../../../electron/system/nodes/fleet-export';
import { predictFromSnapshot } from '../../../electron/system/nodes/predict-from-snapshot';
import { readNodeAnswer } from '../../../electron/system/nodes/read-node';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { createSshNode, nodeDestination, type SshNode } from '../../harness/ssh-node';

const change = { fileName: '60-nonlocal-bind.conf', values: { ipv4: 1, ipv6: 1 } } as const;

async function bootAndRuntime(node: SshNode) {
  const d = { destination: nodeDestination(node.alias) };
  const read = await readNodeAnswer(node.settings, d.destination);
  if (!read.ok) throw new Error(errorWords(read.error));
  return predictFromSnapshot(read.snapshot).boot.settings.map((s) => ({
    id: s.id,
    runtime: read.snapshot.runtime[s.id],
    systemd: s.systemd.winner?.path ?? null,
    systemdValue: Number(s.systemd.value),
    procps: s.procps.winner?.path ?? null,
    procpsValue: Number(s.procps.value),
  }));
}

test("the exported tasks, run by the real ansible-playbook on one node, leave what the app's Apply leaves on another", async () => {
  test.setTimeout(120_000);
  const viaAnsible = await createSshNode();
  const viaApp = await createSshNode();
  try {
    viaAnsible.trustHostKey();
    viaApp.trustHostKey();
    const playbook = path.join(viaAnsible.dir, 'playbook.yml');
    const tasks = renderAnsibleTasks(change)
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n');
    writeFileSync(playbook, `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}\n`);
    const remoteTmp = path.join(viaAnsible.dir, 'ansible-remote');
    mkdirSync(remoteTmp, { mode: 0o1777 });
    chmodSync(remoteTmp, 0o1777);
    const inventory = path.join(viaAnsible.dir, 'inventory.yml');
    writeFileSync(
      inventory,
      JSON.stringify({
        all: {
          hosts: { [viaAnsible.alias]: {} },
          vars: {
            ansible_ssh_common_args: viaAnsible.settings.options.join(' '),
            ansible_become_password: viaAnsible.sudoPassword,
            // Inside the node's own directory, removed with it: nothing is left in /tmp.
            ansible_remote_tmp: remoteTmp,
            ansible_python_interpreter: '/usr/bin/python3',
          },
        },
      }),
    );
    const run = spawnSync('timeout', ['100', 'ansible-playbook', '-i', inventory, playbook], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ANSIBLE_HOST_KEY_CHECKING: 'True',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_LOCAL_TEMP: path.join(viaAnsible.dir, 'ansible-local'),
      },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/changed=1|changed=2/);

    const tokens = buildStepArguments({
      values: { ipv4: '1', ipv6: '1' },
      file: {
        op: 'write',
        name: change.fileName,
        expectedSha256: null,
        content: 'net.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n',
      },
    });
    const d = { destination: nodeDestination(viaApp.alias) };
    const applied = await applyOnNode(
      viaApp.settings,
      d.destination,
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from(viaApp.sudoPassword),
    );
    expect(applied.ok, applied.ok ? '' : errorWords(applied.error)).toBe(true);

    const ansibleState = await bootAndRuntime(viaAnsible);
    expect(ansibleState).toEqual(await bootAndRuntime(viaApp));
    expect(ansibleState.every((s) => s.runtime?.kind === 'value' && s.runtime.value === 1)).toBe(
      true,
    );
    expect(ansibleState.every((s) => s.systemd === `/etc/sysctl.d/${change.fileName}`)).toBe(true);
  } finally {
    await viaAnsible.dispose();
    await viaApp.dispose();
  }
});

test('the cloud-init snippet writes the same file and applies it', () => {
  const text = renderCloudInit(change);
  expect(text).toContain('path: /etc/sysctl.d/60-nonlocal-bind.conf');
  expect(text).toContain(
    '      net.ipv4.ip_nonlocal_bind = 1\n      net.ipv6.ip_nonlocal_bind = 1\n',
  );
  expect(text).toContain('runcmd:\n  - [sysctl, -p, /etc/sysctl.d/60-nonlocal-bind.conf]');
  expect(() => renderCloudInit({ fileName: '../evil.conf', values: { ipv4: 1 } })).toThrow();
  expect(() => renderAnsibleTasks({ fileName: '60-x.conf', values: {} })).toThrow(
    /no pending change/,
  );
});
