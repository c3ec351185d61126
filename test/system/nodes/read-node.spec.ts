import { expect, test } from '@playwright/test';
import { errorWords } from '../../../renderer/src/error-words';
import { acceptHostKey, scanHostKey } from '../../../electron/system/nodes/host-key';
import { predictFromSnapshot } from '../../../electron/system/nodes/predict-from-snapshot';
import { readNodeAnswer } from '../../../electron/system/nodes/read-node';
import {
  createSshNode,
  nodeDestination,
  shareTrustedNode,
  type SshNode,
} from '../../harness/ssh-node';

const dest = nodeDestination;

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
    // A dot file: sysctl --system applies it, systemd-sysctl skips it.
    node.sandbox.writeText('/etc/sysctl.d/.hidden.conf', 'net.ipv4.ip_nonlocal_bind = 0\n');

    const first = await readNodeAnswer(node.settings, dest(node.alias));
    expect(first).toMatchObject({ ok: false, kind: 'host-key-unknown' });

    const scan = await scanHostKey(node.settings, dest(node.alias));
    if (!scan.ok) throw new Error(errorWords(scan.failure.error));
    expect(scan.offer.fingerprints.join('\n')).toMatch(/SHA256:\S+ .*\(ED25519\)/);
    const expected = node.sandbox
      .run('ssh-keygen', ['-l', '-f', `${node.dir}/host_key.pub`])
      .stdout.split(' ')[1];
    expect(scan.offer.fingerprints[0]).toContain(expected ?? 'missing');
    const file = await acceptHostKey(node.settings, dest(node.alias), scan.offer);
    expect(file).toBe(node.knownHosts);

    const read = await readNodeAnswer(node.settings, dest(node.alias));
    if (!read.ok) throw new Error(errorWords(read.error));
    expect(read.snapshot.kernel).toBe(node.sandbox.run('uname', ['-r']).stdout.trim());
    expect(read.snapshot.runtime.ipv4).toEqual({ kind: 'value', value: 1 });
    expect(read.snapshot.runtime.ipv6).toEqual({ kind: 'value', value: 0 });
    const etc = read.snapshot.directories.find((d) => d.dir === '/etc/sysctl.d');
    expect(etc?.entries.find((e) => e.name === '60-vip.conf')).toMatchObject({ kind: 'file' });
    const boot4 = predictFromSnapshot(read.snapshot).boot.settings.find((s) => s.id === 'ipv4');
    const boot6 = predictFromSnapshot(read.snapshot).boot.settings.find((s) => s.id === 'ipv6');
    expect(boot4?.systemd.winner).toEqual({ path: '/etc/sysctl.d/60-vip.conf', line: 1 });
    expect(boot4?.bootValue).toBe(1);
    const hidden = '/etc/sysctl.d/.hidden.conf';
    expect(boot4?.procps.assignments.map((a) => a.path)).toContain(hidden);
    expect(boot4?.systemd.assignments.map((a) => a.path)).not.toContain(hidden);
    expect(boot6?.procps.winner?.path).toBe('/run/sysctl.d/99-late.conf');
    expect(boot6?.drift).toBe(true);
  });

  test('the user without sudo rights reads too (the read is unprivileged)', async () => {
    const read = await readNodeAnswer(node.settings, dest(`${node.plainUser}@${node.alias}`));
    expect(read.ok).toBe(true);
  });

  test('authentication failure, unreachable node and changed host key each say so', async () => {
    const auth = await readNodeAnswer(node.settings, dest(`nosuchuser@${node.alias}`));
    expect(auth).toMatchObject({ ok: false, kind: 'auth' });
    expect(auth.ok ? '' : errorWords(auth.error)).toContain('ssh-agent');

    await node.changeHostKey();
    const changed = await readNodeAnswer(node.settings, dest(node.alias));
    expect(changed).toMatchObject({ ok: false, kind: 'host-key-changed' });
    expect(changed.ok ? '' : errorWords(changed.error)).toContain('CHANGED');

    await node.stopSshd();
    const down = await readNodeAnswer(node.settings, dest(node.alias));
    expect(down).toMatchObject({ ok: false, kind: 'unreachable' });
  });
});

test.describe('a hostile node', () => {
  test.describe.configure({ mode: 'serial' });
  const trusted = shareTrustedNode(test);
  let node: SshNode;
  test.beforeEach(() => {
    node = trusted();
  });

  // The hostile login shell runs as `SHELL -c "sh -s NONCE"`: it knows this read's nonce.
  const framed = (...records: string[]) =>
    `n=\${2##* }\nprintf '%s\\n' "NLB-READ 2 $n" ${records.map((r) => `'${r}'`).join(' ')} "NLB-END $n"\n`;
  const cases: [string, string, RegExp][] = [
    ['garbage', 'head -c 3000 /dev/urandom\n', /not in the expected format/],
    [
      'huge output',
      'yes NLB-READ-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c 50000000\n',
      /passed 4 MiB and was cut off/,
    ],
    [
      'a framing attack (a second header and a forged record inside a field)',
      framed('OS TGludXg=', 'RUNTIME ipv4 MQo=', 'RUNTIME ipv4 MQo='),
      /ipv4 given twice/,
    ],
    [
      'a frame with another nonce',
      "printf 'NLB-READ 2 00000000000000000000000000000000\\nOS TGludXg=\\nNLB-END 00000000000000000000000000000000\\n'\n",
      /does not start with the read script header/,
    ],
    [
      'a file outside the sysctl directories',
      framed('OS TGludXg=', 'DIR L2V0Yy9zaGFkb3c= MQ=='),
      /is not a sysctl directory/,
    ],
    [
      'a batch whose data does not add up',
      // /etc/sysctl.d listing a.conf (5 bytes by SIZES) while DATA holds 3.
      framed(
        'OS TGludXg=',
        'DIR L2V0Yy9zeXNjdGwuZA== MQ==',
        'LIST cmZmAGEuY29uZgAA',
        'SIZES NQBhLmNvbmYA',
        'DATA YWJj',
      ),
      /changed while they were read/,
    ],
    ['an early end', 'n=${2##* }\nprintf \'NLB-READ 2 %s\\nOS TGludXg=\\n\' "$n"\n', /ends early/],
    [
      'a system that is not Linux',
      framed('OS RnJlZUJTRA==', 'RUNTIME-ABSENT ipv4', 'RUNTIME-ABSENT ipv6'),
      /runs FreeBSD, not Linux/,
    ],
    [
      'a Linux node without sysctl',
      framed('OS TGludXg=', 'RUNTIME ipv4 MAo=', 'RUNTIME ipv6 MAo='),
      /no sysctl command.*procps/,
    ],
  ];
  for (const [name, answer, message] of cases) {
    test(`${name}: a clear error, and nothing on the node changed`, async () => {
      node.setHostileAnswer(answer);
      const before = node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout;
      const started = Date.now();
      const read = await readNodeAnswer(node.settings, dest(`${node.hostileUser}@${node.alias}`));
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(read.ok).toBe(false);
      expect(read.ok ? '' : errorWords(read.error)).toMatch(message);
      expect(node.sandbox.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout).toBe(before);
      expect(node.sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('');
    });
  }
});
