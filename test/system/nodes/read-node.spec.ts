import { expect, test } from '@playwright/test';
import { parseDestination } from '../../../electron/system/nodes/destination';
import { acceptHostKey, scanHostKey } from '../../../electron/system/nodes/host-key';
import { readNode } from '../../../electron/system/nodes/read-node';
import { createSshNode, type SshNode } from '../../support/ssh-node';

function dest(text: string) {
  const d = parseDestination(text);
  if (!d.ok) throw new Error(d.error);
  return d.destination;
}

test.describe('reading a node over real OpenSSH', () => {
  test.describe.configure({ mode: 'serial' });
  let node: SshNode;
  test.beforeAll(async () => {
    node = await createSshNode();
  });
  test.afterAll(async () => {
    await node?.dispose();
  });

  test('unknown host key: refused, then scanned, shown and accepted; then one round trip reads the node', async () => {
    node.sandbox.run('sysctl', ['-qw', 'net.ipv4.ip_nonlocal_bind=1']);
    node.sandbox.writeText('/etc/sysctl.d/60-vip.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
    node.sandbox.writeText('/run/sysctl.d/99-late.conf', 'net.ipv6.ip_nonlocal_bind=1\n');
    node.sandbox.run('ln', ['-s', '/dev/null', '/usr/lib/sysctl.d/50-masked.conf']);

    const first = await readNode(node.settings, dest(node.alias));
    expect(first).toMatchObject({ ok: false, kind: 'host-key-unknown' });

    const scan = await scanHostKey(node.settings, dest(node.alias));
    if (!scan.ok) throw new Error(scan.failure.message);
    expect(scan.offer.fingerprints.join('\n')).toMatch(/SHA256:\S+ .*\(ED25519\)/);
    const expected = node.sandbox
      .run('ssh-keygen', ['-l', '-f', `${node.dir}/host_key.pub`])
      .stdout.split(' ')[1];
    expect(scan.offer.fingerprints[0]).toContain(expected ?? 'missing');
    const file = await acceptHostKey(node.settings, dest(node.alias), scan.offer);
    expect(file).toBe(node.knownHosts);

    const read = await readNode(node.settings, dest(node.alias));
    if (!read.ok) throw new Error(read.message);
    expect(read.snapshot.kernel).toBe(node.sandbox.run('uname', ['-r']).stdout.trim());
    expect(read.snapshot.runtime.ipv4).toEqual({ kind: 'value', value: 1 });
    expect(read.snapshot.runtime.ipv6).toEqual({ kind: 'value', value: 0 });
    const etc = read.snapshot.directories.find((d) => d.dir === '/etc/sysctl.d');
    expect(etc?.entries.find((e) => e.name === '60-vip.conf')).toMatchObject({ kind: 'file' });
    const boot4 = read.prediction.boot.settings.find((s) => s.id === 'ipv4');
    const boot6 = read.prediction.boot.settings.find((s) => s.id === 'ipv6');
    expect(boot4?.systemd.winner).toEqual({ path: '/etc/sysctl.d/60-vip.conf', line: 1 });
    expect(boot4?.bootValue).toBe(1);
    expect(boot6?.procps.winner?.path).toBe('/run/sysctl.d/99-late.conf');
    expect(boot6?.drift).toBe(true);
  });

  test('the user without sudo rights reads too (the read is unprivileged)', async () => {
    const read = await readNode(node.settings, dest(`${node.plainUser}@${node.alias}`));
    expect(read.ok).toBe(true);
  });

  test('authentication failure, unreachable node and changed host key each say so', async () => {
    const auth = await readNode(node.settings, dest(`nosuchuser@${node.alias}`));
    expect(auth).toMatchObject({ ok: false, kind: 'auth' });
    expect(auth.ok ? '' : auth.message).toContain('ssh-agent');

    await node.changeHostKey();
    const changed = await readNode(node.settings, dest(node.alias));
    expect(changed).toMatchObject({ ok: false, kind: 'host-key-changed' });
    expect(changed.ok ? '' : changed.message).toContain('CHANGED');

    await node.stopSshd();
    const down = await readNode(node.settings, dest(node.alias));
    expect(down).toMatchObject({ ok: false, kind: 'unreachable' });
  });
});
