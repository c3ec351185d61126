import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { applyInSandbox } from '../harness/apply-child';
import { FILE_HEADER } from '../../electron/system/sysctl-edit';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const V6 = '/proc/sys/net/ipv6/ip_nonlocal_bind';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

const read = (file: string) => sandbox.readText(file);
const exists = (file: string) =>
  sandbox.run('test', ['-e', file], { allowFailure: true }).status === 0;

test('this session only: changes procfs and writes no file', async () => {
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1 },
    persistence: { kind: 'runtime' },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read(V4)).toBe('1\n');
  expect(read(V6)).toBe('0\n');
  expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('');
});

test('now and at every boot: creates the file with header, mode 0644, owned by root', async () => {
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1, ipv6: 1 },
    persistence: { kind: 'persist', fileName: '99-custom.conf', expectedSha256: null },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read(V4)).toBe('1\n');
  expect(read(V6)).toBe('1\n');
  expect(read('/etc/sysctl.d/99-custom.conf')).toBe(
    `${FILE_HEADER}net.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n`,
  );
  expect(
    sandbox.run('stat', ['-c', '%a %u %g', '/etc/sysctl.d/99-custom.conf']).stdout.trim(),
  ).toBe('644 0 0');
  // No temporary or backup files are left behind.
  expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('99-custom.conf\n');
});

test('editing an existing file keeps every other byte (CRLF, comments, other keys, no final newline)', async () => {
  const original =
    '# mine\r\nvm.swappiness=10\r\n; other\r\n-net/ipv4/ip_nonlocal_bind =  0\r\nkernel.x = 1';
  sandbox.writeText('/etc/sysctl.d/50-ha.conf', original);
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1, ipv6: 1 },
    persistence: { kind: 'persist', fileName: '50-ha.conf', expectedSha256: sha(original) },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read('/etc/sysctl.d/50-ha.conf')).toBe(
    '# mine\r\nvm.swappiness=10\r\n; other\r\n-net/ipv4/ip_nonlocal_bind =  1\r\nkernel.x = 1\r\nnet.ipv6.ip_nonlocal_bind = 1',
  );
});

test('stop persisting: removes our lines, deletes a file holding only our header, resets runtime on request', async () => {
  await applyInSandbox(sandbox, {
    values: { ipv4: 1 },
    persistence: { kind: 'persist', fileName: '90-nonlocal-bind.conf', expectedSha256: null },
  });
  const written = read('/etc/sysctl.d/90-nonlocal-bind.conf');
  const result = await applyInSandbox(sandbox, {
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: '90-nonlocal-bind.conf',
      expectedSha256: sha(written),
      resetRuntime: true,
    },
  });
  expect(result).toMatchObject({ applied: true });
  expect(exists('/etc/sysctl.d/90-nonlocal-bind.conf')).toBe(false);
  expect(read(V4)).toBe('0\n');
});

test('stop persisting keeps a file that holds other settings, and the runtime value when asked to', async () => {
  const original = 'vm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 1\n';
  sandbox.writeText('/etc/sysctl.d/60-site.conf', original);
  sandbox.run('sh', ['-c', `echo 1 > ${V4}`]);
  const result = await applyInSandbox(sandbox, {
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: '60-site.conf',
      expectedSha256: sha(original),
      resetRuntime: false,
    },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read('/etc/sysctl.d/60-site.conf')).toBe('vm.swappiness = 10\n');
  expect(read(V4)).toBe('1\n');
});

test('Remove from FILE for one setting: only that key’s lines go, only that runtime value resets', async () => {
  const original =
    '# HAProxy VIP failover\nnet.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n';
  sandbox.writeText('/etc/sysctl.d/60-haproxy.conf', original);
  sandbox.run('sh', ['-c', `echo 1 > ${V4}; echo 1 > ${V6}`]);
  const result = await applyInSandbox(sandbox, {
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: '60-haproxy.conf',
      expectedSha256: sha(original),
      resetRuntime: true,
      settings: ['ipv4'],
    },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read('/etc/sysctl.d/60-haproxy.conf')).toBe(
    '# HAProxy VIP failover\nnet.ipv6.ip_nonlocal_bind = 1\n',
  );
  expect(read(V4)).toBe('0\n');
  expect(read(V6)).toBe('1\n');
});

test('a file edited since it was read is refused and nothing changes', async () => {
  sandbox.writeText('/etc/sysctl.d/99-custom.conf', 'vm.swappiness = 10\n');
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1 },
    persistence: {
      kind: 'persist',
      fileName: '99-custom.conf',
      expectedSha256: sha('vm.swappiness = 5\n'),
    },
  });
  expect(result).toMatchObject({ applied: false, error: { code: 'file-changed' } });
  expect(read('/etc/sysctl.d/99-custom.conf')).toBe('vm.swappiness = 10\n');
  expect(read(V4)).toBe('0\n');
});

test('symlinks, directories and non-UTF-8 files are refused with their own messages', async () => {
  sandbox.run('ln', ['-s', '/etc/hostname', '/etc/sysctl.d/10-link.conf']);
  sandbox.run('mkdir', ['/etc/sysctl.d/20-dir.conf']);
  sandbox.run('sh', ['-c', "printf 'a = \\377\\n' > /etc/sysctl.d/30-bin.conf"]);
  const attempt = (fileName: string) =>
    applyInSandbox(sandbox, {
      values: { ipv4: 1 },
      persistence: { kind: 'persist', fileName, expectedSha256: null },
    });
  expect(await attempt('10-link.conf')).toMatchObject({
    applied: false,
    error: { code: 'target-symlink' },
  });
  expect(await attempt('20-dir.conf')).toMatchObject({
    applied: false,
    error: { code: 'target-not-regular' },
  });
  expect(await attempt('30-bin.conf')).toMatchObject({
    applied: false,
    error: { code: 'file-not-text' },
  });
  expect(read(V4)).toBe('0\n');
  expect(sandbox.run('readlink', ['/etc/sysctl.d/10-link.conf']).stdout).toBe('/etc/hostname\n');
});

test('an invalid file name is refused before anything runs', async () => {
  const result = await applyInSandbox(sandbox, {
    values: { ipv4: 1 },
    persistence: { kind: 'persist', fileName: '../../etc/passwd', expectedSha256: null },
  });
  expect(result).toMatchObject({ applied: false, error: { code: 'invalid-file-name' } });
  expect(read(V4)).toBe('0\n');
});

test('Remove from /etc/sysctl.conf: only our key’s lines go, every other byte and the file’s attributes stay', async () => {
  const original =
    '# /etc/sysctl.conf - site settings\nvm.swappiness = 10\nnet.ipv4.ip_nonlocal_bind = 0\n; keep\n' +
    'net/ipv4/ip_nonlocal_bind=0\nnet.ipv6.ip_nonlocal_bind = 1\nkernel.x = 1';
  sandbox.writeText('/etc/sysctl.conf', original);
  sandbox.run('chmod', ['0640', '/etc/sysctl.conf']);
  sandbox.run('ln', ['-s', '../sysctl.conf', '/etc/sysctl.d/99-sysctl.conf']);
  sandbox.writeText('/etc/sysctl.d/60-vip.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  sandbox.run('sh', ['-c', `echo 1 > ${V4}`]);
  const result = await applyInSandbox(sandbox, {
    values: {},
    persistence: {
      kind: 'unpersist-sysctl-conf',
      expectedSha256: sha(original),
      resetRuntime: false,
      settings: ['ipv4'],
    },
  });
  expect(result).toMatchObject({ applied: true });
  expect(read('/etc/sysctl.conf')).toBe(
    '# /etc/sysctl.conf - site settings\nvm.swappiness = 10\n; keep\nnet.ipv6.ip_nonlocal_bind = 1\nkernel.x = 1',
  );
  expect(sandbox.run('stat', ['-c', '%a %u %g', '/etc/sysctl.conf']).stdout.trim()).toBe('640 0 0');
  expect(sandbox.run('readlink', ['/etc/sysctl.d/99-sysctl.conf']).stdout.trim()).toBe(
    '../sysctl.conf',
  );
  expect(read(V4)).toBe('1\n');
  // No temporary or backup file is left next to it.
  expect(sandbox.run('sh', ['-c', 'ls -A /etc | grep nonlocal-bind || true']).stdout).toBe('');
  // The real procps engine now leaves 60-vip.conf's 1: /etc/sysctl.conf no longer turns it off.
  sandbox.run('sh', ['-c', `echo 0 > ${V4}`]);
  sandbox.run('sysctl', ['--system'], { allowFailure: true });
  expect(read(V4)).toBe('1\n');
});

test('a removal from /etc/sysctl.conf edited since it was read is refused and nothing changes', async () => {
  sandbox.writeText('/etc/sysctl.conf', 'net.ipv4.ip_nonlocal_bind = 0\n# edited\n');
  const result = await applyInSandbox(sandbox, {
    values: {},
    persistence: {
      kind: 'unpersist-sysctl-conf',
      expectedSha256: sha('net.ipv4.ip_nonlocal_bind = 0\n'),
      resetRuntime: true,
    },
  });
  expect(result).toMatchObject({ applied: false, error: { code: 'file-changed' } });
  expect(read('/etc/sysctl.conf')).toBe('net.ipv4.ip_nonlocal_bind = 0\n# edited\n');
});
