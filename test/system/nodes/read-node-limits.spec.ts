import { spawnSync } from 'node:child_process';
import { errorWords } from '../../../renderer/src/error-words';
import { expect, test } from '@playwright/test';
import { bindTestOnNode } from '../../../electron/system/nodes/node-bind-test';
import { readNodeAnswer } from '../../../electron/system/nodes/read-node';
import { NODE_VIP_BUDGET } from '../../../electron/system/nodes/node-vips';
import {
  NODE_COLUMN_CAP,
  readAllMachines,
  toPairView,
} from '../../../electron/system/nodes/pair-view';
import { applyOnNode } from '../../../electron/system/nodes/remote-apply';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildStepArguments } from '../../../electron/system/privileged-step';
import { createHostContext } from '../../../electron/system/system-context';
import { createLocalTarget } from '../../../electron/system/target/local-target';
import { sshNodes } from '../../../electron/system/target/node-target';
import { layHostileTree } from '../../harness/hostile-tree';
import { nodeDestination, shareTrustedNode, type SshNode } from '../../harness/ssh-node';

const dest = nodeDestination;

/**
 * What the issue asks of a node with 5,000 sysctl files: one read under 2 s (it took over
 * 15 s, forking per file). Measured here as what the files add to the same node's read
 * without them, taken just before and after under the same load: unloaded the whole read
 * takes about 1 s, beside two busy loops up to 3.5 s, most of it the ssh session itself.
 */
const MANY_FILES = 5000;
const MANY_FILES_READ_MS = 2000;

test.describe('reading a node: one pass, whatever its login shell prints', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
  });

  test('a chatty ~/.bashrc (a line before, a line after): the node reads, applies and bind-tests', async () => {
    const chatty = dest(`${node.chattyUser}@${node.alias}`);
    // The login shell really prints around the command: what ssh gives back shows it.
    const said = spawnSync(
      'ssh',
      [...node.settings.options, '-T', `${node.chattyUser}@${node.alias}`, 'echo', 'COMMAND'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(said.stdout).toMatch(/^Welcome to the node[^\n]*\nCOMMAND\nbye from \.bashrc\n$/);
    node.sandbox.writeText('/etc/sysctl.d/60-vip.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
    const read = await readNodeAnswer(node.settings, chatty);
    if (!read.ok) throw new Error(errorWords(read.error));
    const etc = read.snapshot.directories.find((d) => d.dir === '/etc/sysctl.d');
    expect(etc?.entries).toEqual([
      {
        name: '60-vip.conf',
        kind: 'file',
        content: Buffer.from('net.ipv4.ip_nonlocal_bind = 1\n'),
        linkTarget: null,
      },
    ]);
    const tokens = buildStepArguments({ values: { ipv4: '1' }, file: { op: 'none' } });
    const applied = await applyOnNode(
      node.settings,
      chatty,
      PRIVILEGED_SCRIPT,
      tokens,
      Buffer.from(node.sudoPassword),
    );
    expect(applied, applied.ok ? '' : errorWords(applied.error)).toMatchObject({ ok: true });
    expect(node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim()).toBe('1');
    const bound = await bindTestOnNode(node.settings, chatty, [
      { address: '192.0.2.10', port: 0, family: 'IPv4' },
    ]);
    if (!bound.ok) throw new Error(errorWords(bound.error));
    expect(bound.value.map((r) => r.outcome)).toEqual(['works']);
    node.sandbox.run('rm', ['/etc/sysctl.d/60-vip.conf']);
  });

  test(`${MANY_FILES} sysctl files are read in one pass, in under ${MANY_FILES_READ_MS / 1000} s`, async () => {
    const empty = async () => {
      const r = await readNodeAnswer(node.settings, dest(node.alias));
      if (!r.ok) throw new Error(errorWords(r.error));
      return r.elapsedMs;
    };
    const before = await empty();
    node.sandbox.run('sh', [
      '-c',
      `cd /usr/lib/sysctl.d && seq -f 'f%06g.conf' 1 ${MANY_FILES} | xargs -n 1000 sh -c 'for f; do echo "net.core.somaxconn = 1024" > "$f"; done' sh`,
    ]);
    // The read and its parse; the boot prediction made from it afterwards is the model's.
    const read = await readNodeAnswer(node.settings, dest(node.alias));
    try {
      if (!read.ok) throw new Error(errorWords(read.error));
      const lib = read.snapshot.directories.find((d) => d.dir === '/usr/lib/sysctl.d');
      expect(lib?.entries.length).toBe(MANY_FILES);
      expect(lib?.entries.every((e) => e.kind === 'file' && e.content.length === 26)).toBe(true);
    } finally {
      node.sandbox.run('sh', ['-c', 'find /usr/lib/sysctl.d -mindepth 1 -delete']);
    }
    const after = await empty();
    expect(read.elapsedMs - (before + after) / 2).toBeLessThan(MANY_FILES_READ_MS);
  });

  test('30 nginx files of 64 KiB of listen lines: the VIP list is cut at the node budget, and the view stays small', async () => {
    const listen = '  listen 192.0.2.77:8080;\n'.repeat(2600);
    node.sandbox.writeText(`${node.sandbox.scratch}/listen.conf`, `server {\n${listen}}\n`);
    node.sandbox.run('sh', [
      '-c',
      `set -e; mkdir -p /etc/nginx/conf.d; rm -f /etc/nginx/nginx.conf
       for i in $(seq 1 30); do head -c 65536 "$0" > /etc/nginx/conf.d/vhost-$i.conf; done`,
      `${node.sandbox.scratch}/listen.conf`,
    ]);
    try {
      // This computer is read as the main view reads it; no step runs here.
      const here = createLocalTarget({ kind: 'this-computer' }, createHostContext(), {
        kind: 'direct',
        runStep: () => Promise.reject(new Error('no step in this test')),
      });
      const columns = await readAllMachines(here, sshNodes(node.settings), [dest(node.alias)]);
      const view = toPairView(columns);
      const read = view.columns[1]?.read;
      if (!read?.ok) throw new Error(read ? errorWords(read.error) : 'no column');
      expect(read.vips.entries).toHaveLength(NODE_VIP_BUDGET.entries);
      expect(read.vips.exhausted).toMatchObject({ budget: 'entries' });
      // Without a budget the issue measured 88,530 entries and a 21.9 MB response here.
      expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(NODE_COLUMN_CAP * 2);
    } finally {
      node.sandbox.run('sh', ['-c', 'rm -rf /etc/nginx/conf.d']);
    }
  });

  test('the one-pass read and the per-file read (no GNU find, as on BusyBox) agree on a hostile tree', async () => {
    layHostileTree(node.sandbox, 50);
    node.sandbox.run('sh', [
      '-c',
      `set -e
       cd /etc/sysctl.d
       ln -s /dev/null 10-masked.conf
       ln -s nowhere 20-dangling.conf
       printf 'net.ipv4.ip_nonlocal_bind = 1\\n' > '30 with space.conf'
       printf 'net.ipv6.ip_nonlocal_bind = 1' > .dot.conf
       ln -s 30\\ with\\ space.conf 40-link.conf
       echo secret > 45-noread.conf && chmod 000 45-noread.conf
       head -c 65537 /dev/zero | tr '\\0' '#' > 46-just-too-large.conf
       head -c 65536 /dev/zero | tr '\\0' '#' > 47-at-the-cap.conf
       printf 'net.ipv4.ip_nonlocal_bind = 0\\n' > /etc/sysctl.conf`,
    ]);
    const destination = dest(`${node.plainUser}@${node.alias}`);
    const onePass = await readNodeAnswer(node.settings, destination);
    // Without a find that knows -printf, the script reads file by file.
    node.sandbox.writeText(`${node.sandbox.scratch}/find`, '#!/bin/sh\nexit 1\n');
    node.sandbox.run('chmod', ['0755', `${node.sandbox.scratch}/find`]);
    node.sandbox.run('mount', ['--bind', `${node.sandbox.scratch}/find`, '/usr/bin/find']);
    try {
      const perFile = await readNodeAnswer(node.settings, destination);
      if (!onePass.ok) throw new Error(errorWords(onePass.error));
      if (!perFile.ok) throw new Error(errorWords(perFile.error));
      const byName = (s: typeof onePass.snapshot) =>
        s.directories.map((d) => ({
          dir: d.dir,
          entries: [...d.entries].sort((a, b) => (a.name < b.name ? -1 : 1)),
        }));
      expect(byName(onePass.snapshot)).toEqual(byName(perFile.snapshot));
      expect(onePass.snapshot.sysctlConf).toEqual(perFile.snapshot.sysctlConf);
      const etc = byName(onePass.snapshot).find((d) => d.dir === '/etc/sysctl.d');
      expect(etc?.entries.map((e) => [e.name, e.kind])).toEqual([
        ['.dot.conf', 'file'],
        ['10-masked.conf', 'masked'],
        ['20-dangling.conf', 'unreadable'],
        ['30 with space.conf', 'file'],
        ['40-link.conf', 'file'],
        ['45-noread.conf', 'unreadable'],
        ['46-just-too-large.conf', 'skipped'],
        ['47-at-the-cap.conf', 'file'],
        ['50-fifo.conf', 'unreadable'],
        ['60-zero.conf', 'unreadable'],
        ['70-huge.conf', 'skipped'],
        ['80-loop.conf', 'unreadable'],
        ['85-dir.conf', 'unreadable'],
        ['90-ok.conf', 'file'],
      ]);
    } finally {
      node.sandbox.run('umount', ['/usr/bin/find']);
    }
  });
});
