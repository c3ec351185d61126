import { test, expect } from '@playwright/test';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  distroFamily,
  mountOf,
  parseMountInfo,
  readPlatformFacts,
} from '../../../electron/system/proc-sys-writable';
import { SETTINGS } from '../../../electron/system/settings';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

test('the mount a /proc/sys path is on is the last one listed at or above it, ro in either option set', () => {
  const mounts = parseMountInfo(
    [
      '22 1 0:21 / /proc rw,nosuid - proc proc rw',
      '30 22 0:21 /sys /proc/sys ro,nosuid - proc proc rw',
      '31 22 0:21 /sys/net /proc/sys/net rw - proc proc rw',
      'garbage line',
      '',
    ].join('\n'),
  );
  expect(mounts).toHaveLength(3);
  // A writable bind deeper down wins over the read-only /proc/sys above it.
  expect(mountOf(mounts, V4)).toEqual({ mountPoint: '/proc/sys/net', readOnly: false });
  expect(mountOf(mounts, '/proc/sys/kernel/osrelease')?.readOnly).toBe(true);
  // A later mount over /proc hides every earlier one below it.
  const remounted = parseMountInfo(
    '30 22 0:21 /sys /proc/sys ro - proc proc rw\n40 1 0:50 / /proc rw - proc proc rw\n',
  );
  expect(mountOf(remounted, V4)?.readOnly).toBe(false);
  // The superblock's read-only flag counts as well; "/proc/system" is not under /proc/sys.
  const superRo = parseMountInfo(
    '50 1 0:9 / /proc/system rw - proc proc rw\n51 1 0:9 / /proc rw - proc proc ro\n',
  );
  expect(mountOf(superRo, V4)).toEqual({ mountPoint: '/proc', readOnly: true });
  // Escaped mount points (\040 is a space) are unescaped.
  expect(parseMountInfo('1 0 0:1 / /mnt/a\\040b ro - tmpfs t rw')[0]?.mountPoint).toBe('/mnt/a b');
});

test('the distribution family picks the install command: Debian 12+, older Debian and Ubuntu, Fedora, openSUSE, Arch', () => {
  expect(distroFamily('ID=debian\nVERSION_ID="12"\n')).toBe('debian');
  expect(distroFamily('ID=debian\nVERSION_ID="11"\n')).toBe('debian-old');
  expect(distroFamily('ID=ubuntu\nVERSION_ID="20.04"\n')).toBe('debian-old');
  expect(distroFamily('ID=ubuntu\nVERSION_ID="24.04"\n')).toBe('debian');
  expect(distroFamily('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('debian');
  expect(distroFamily('ID="rocky"\nID_LIKE="rhel centos fedora"\n')).toBe('fedora');
  expect(distroFamily('ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n')).toBe('opensuse');
  expect(distroFamily('ID=arch\n')).toBe('arch');
  expect(distroFamily('ID=alpine\n')).toBeNull();
  expect(distroFamily('')).toBeNull();
});

test('below a root: a read-only /proc/sys in its mountinfo, with the container commands; none without one', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-procsys-'));
  try {
    await mkdir(path.join(root, 'etc'), { recursive: true });
    await writeFile(path.join(root, 'etc/os-release'), 'ID=debian\nVERSION_ID=12\n');
    const ctx = { fsRoot: root, platform: 'linux' as const };
    expect(await readPlatformFacts(ctx, SETTINGS)).toEqual({
      procSysReadOnly: null,
      distro: 'debian',
    });
    await mkdir(path.join(root, 'proc/self'), { recursive: true });
    await writeFile(
      path.join(root, 'proc/self/mountinfo'),
      '1 0 0:1 / / rw - overlay o rw\n2 1 0:2 / /proc rw - proc proc rw\n3 2 0:2 /sys /proc/sys ro - proc proc rw\n',
    );
    const facts = await readPlatformFacts({ ...ctx }, SETTINGS);
    expect(facts.procSysReadOnly?.mountPoint).toBe('/proc/sys');
    expect(facts.procSysReadOnly?.alternatives.map((b) => b.caption)).toContainEqual({
      kind: 'container',
      runtime: 'docker',
    });
    expect(facts.procSysReadOnly?.alternatives[0]?.commands).toContain(
      '--sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1',
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
