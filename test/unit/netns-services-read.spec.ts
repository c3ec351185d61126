import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  listInsideSync,
  readInsideSync,
} from '../../electron/system/netns/namespace-services-read';

/**
 * Reading a load balancer's configuration inside a container's root: a hostile container
 * decides every name, link and file type there. A fake root in a temporary directory stands
 * for /proc/PID/root (the walk is the same: every component looked up under a descriptor).
 * The host file a link points to must never be read; FIFOs, devices, huge files and loops
 * give a code at once.
 */

const CAP = 4 * 1024 * 1024;
let root: string;
let hostDir: string;
let hostSecret: string;

const text = (answer: ReturnType<typeof readInsideSync>) =>
  answer.ok ? Buffer.from(answer.bytes).toString('utf8') : `refused ${answer.code}`;

test.beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-fake-root-'));
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-host-side-'));
  hostSecret = path.join(hostDir, 'secret.cfg');
  fs.writeFileSync(hostSecret, 'bind 203.0.113.99:1 # HOST FILE\n');
  const at = (p: string) => path.join(root, p);
  fs.mkdirSync(at('etc/haproxy'), { recursive: true });
  fs.mkdirSync(at('conf/sites'), { recursive: true });
  fs.writeFileSync(at('conf/real.cfg'), 'bind 192.0.2.10:80\n');
  fs.writeFileSync(at('conf/sites/a.conf'), 'listen 192.0.2.1:80;\n');
  fs.writeFileSync(at('conf/sites/b.conf'), 'listen 192.0.2.2:80;\n');
  // Legitimate links: relative, and absolute meaning the container's own root.
  fs.symlinkSync('../../conf/real.cfg', at('etc/haproxy/relative.cfg'));
  fs.symlinkSync('/conf/real.cfg', at('etc/haproxy/absolute.cfg'));
  fs.symlinkSync('/conf', at('etc/conf-dir'));
  // Hostile ones.
  fs.symlinkSync(hostSecret, at('etc/haproxy/to-host.cfg'));
  fs.symlinkSync('../../../../../../..' + hostSecret, at('etc/haproxy/dotdot.cfg'));
  fs.symlinkSync('loop-b', at('etc/haproxy/loop-a'));
  fs.symlinkSync('loop-a', at('etc/haproxy/loop-b'));
  fs.symlinkSync('/dev/zero', at('etc/haproxy/zero.cfg'));
  fs.symlinkSync(`/proc/${process.pid}/root${hostSecret}`, at('etc/haproxy/via-proc.cfg'));
  execFileSync('mkfifo', [at('etc/haproxy/fifo.cfg')]);
  const huge = fs.openSync(at('etc/haproxy/huge.cfg'), 'w');
  fs.ftruncateSync(huge, 300 * 1024 * 1024); // Sparse: 300 MB that take no disk.
  fs.closeSync(huge);
});

test.afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test('plain files and legitimate links are read inside the root, with the path found', () => {
  const plain = readInsideSync(fs, root, '/conf/real.cfg', CAP);
  expect(text(plain)).toBe('bind 192.0.2.10:80\n');
  const relative = readInsideSync(fs, root, '/etc/haproxy/relative.cfg', CAP);
  expect(relative.ok && relative.path).toBe('/conf/real.cfg');
  expect(text(relative)).toBe('bind 192.0.2.10:80\n');
  expect(text(readInsideSync(fs, root, '/etc/haproxy/absolute.cfg', CAP))).toContain('192.0.2.10');
  expect(text(readInsideSync(fs, root, '/etc/conf-dir/sites/../real.cfg', CAP))).toContain(
    '192.0.2.10',
  );
  expect(text(readInsideSync(fs, root, '/etc/haproxy/missing.cfg', CAP))).toBe('refused ENOENT');
});

test('a link to a host path is resolved inside the root: the host file is never read', () => {
  // Nothing at that path inside the root: not found, although the host has it.
  expect(fs.readFileSync(hostSecret, 'utf8')).toContain('HOST FILE');
  expect(text(readInsideSync(fs, root, '/etc/haproxy/to-host.cfg', CAP))).toBe('refused ENOENT');
  // `..` above the root is refused, not clamped into the host.
  expect(text(readInsideSync(fs, root, '/etc/haproxy/dotdot.cfg', CAP))).toBe(
    'refused escapes-root',
  );
  expect(text(readInsideSync(fs, root, '/../../etc/passwd', CAP))).toBe('refused escapes-root');
  // /proc inside the container is the container's: here the fake root has none.
  expect(text(readInsideSync(fs, root, '/etc/haproxy/via-proc.cfg', CAP))).toBe('refused ENOENT');
  // With a decoy at the same path inside the root, the decoy is what is read.
  const decoy = path.join(root, hostSecret);
  fs.mkdirSync(path.dirname(decoy), { recursive: true });
  fs.writeFileSync(decoy, 'bind 192.0.2.77:1 # inside\n');
  try {
    expect(text(readInsideSync(fs, root, '/etc/haproxy/to-host.cfg', CAP))).toContain('inside');
  } finally {
    fs.rmSync(path.join(root, hostSecret.split('/')[1] ?? 'tmp'), { recursive: true });
  }
});

test('loops, FIFOs, devices, directories and huge files give a code at once', () => {
  const started = performance.now();
  expect(text(readInsideSync(fs, root, '/etc/haproxy/loop-a', CAP))).toBe('refused ELOOP');
  expect(text(readInsideSync(fs, root, '/etc/haproxy/fifo.cfg', CAP))).toBe('refused not-regular');
  // /dev/zero inside the root does not exist; the host's is never reached.
  expect(text(readInsideSync(fs, root, '/etc/haproxy/zero.cfg', CAP))).toBe('refused ENOENT');
  expect(text(readInsideSync(fs, root, '/etc/haproxy', CAP))).toBe('refused not-regular');
  expect(text(readInsideSync(fs, root, '/etc/haproxy/huge.cfg', CAP))).toBe('refused EFBIG');
  expect(text(readInsideSync(fs, root, '/conf/real.cfg/x', CAP))).toBe('refused ENOTDIR');
  expect(text(readInsideSync(fs, root, 'conf/real.cfg', CAP))).toBe('refused EINVAL');
  expect(text(readInsideSync(fs, root, `/${'x'.repeat(5000)}`, CAP))).toBe('refused EINVAL');
  expect(text(readInsideSync(fs, '/nonexistent-root-nb', '/a', CAP))).toBe('refused ENOENT');
  // Nothing waited on a FIFO or read 300 MB: each answer is a few system calls.
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('kernel files inside the root (its /proc, /sys, /dev) are never read as configuration', () => {
  fs.mkdirSync(path.join(root, 'proc/1'), { recursive: true });
  fs.writeFileSync(path.join(root, 'proc/1/environ'), 'bind 192.0.2.1:1\n');
  fs.symlinkSync('/proc/1/environ', path.join(root, 'etc/haproxy/env.cfg'));
  try {
    expect(text(readInsideSync(fs, root, '/etc/haproxy/env.cfg', CAP))).toBe('refused kernel-file');
    expect(text(readInsideSync(fs, root, '/proc/1/environ', CAP))).toBe('refused kernel-file');
  } finally {
    fs.rmSync(path.join(root, 'proc'), { recursive: true });
    fs.rmSync(path.join(root, 'etc/haproxy/env.cfg'));
  }
});

test('a device node inside the root is refused without being opened', () => {
  const device = path.join(root, 'etc/haproxy/null.cfg');
  execFileSync('mknod', [device, 'c', '1', '3']);
  try {
    expect(text(readInsideSync(fs, root, '/etc/haproxy/null.cfg', CAP))).toBe(
      'refused not-regular',
    );
  } finally {
    fs.rmSync(device);
  }
});

test('directories are listed inside the root, sorted, capped; no descriptor is left open', () => {
  const before = fs.readdirSync('/proc/self/fd').length;
  const listed = listInsideSync(fs, root, '/etc/conf-dir/sites', 100);
  expect(listed).toEqual({ ok: true, names: ['a.conf', 'b.conf'], path: '/conf/sites' });
  expect(listInsideSync(fs, root, '/conf/sites', 1)).toEqual({ ok: false, code: 'huge' });
  expect(listInsideSync(fs, root, '/conf/real.cfg', 10)).toEqual({ ok: false, code: 'ENOTDIR' });
  expect(listInsideSync(fs, root, '/', 10).ok).toBe(true);
  for (let i = 0; i < 50; i += 1) {
    readInsideSync(fs, root, '/etc/haproxy/relative.cfg', CAP);
    readInsideSync(fs, root, '/etc/haproxy/loop-a', CAP);
    readInsideSync(fs, root, '/etc/haproxy/dotdot.cfg', CAP);
    listInsideSync(fs, root, '/etc/conf-dir/sites', 100);
  }
  expect(fs.readdirSync('/proc/self/fd').length).toBeLessThanOrEqual(before + 2);
});
