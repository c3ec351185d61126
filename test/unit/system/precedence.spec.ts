import { test, expect } from '@playwright/test';
import { mkdtemp, mkdir, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readSysctlSources } from '../../../electron/system/sysctl-sources';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import { bootKeys } from '../../harness/boot-keys';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import { FIXTURES, type FixtureTree } from '../../support/sysctl-fixtures';
import { bundleForChild } from '../../harness/bundle';

const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';

async function layOut(tree: FixtureTree): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-precedence-'));
  await chmod(root, 0o755);
  for (const [systemPath, entry] of Object.entries(tree)) {
    const target = path.join(root, systemPath);
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof entry === 'string') await writeFile(target, entry);
    else await symlink(entry.link, target);
  }
  return root;
}

/** The deciding line as { path, line, value }, or null. */
function winner(sources: SysctlSources, engine: 'systemd' | 'procps', key: string) {
  const w = predictBoot(sources, bootKeys(key))[engine].get(key)?.winner;
  return w ? { ...w.origin, value: w.value } : null;
}

async function resolve(index: number) {
  const fixture = FIXTURES[index];
  if (!fixture) throw new Error(`no fixture ${index}`);
  const root = await layOut(fixture.tree);
  const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
  await rm(root, { recursive: true });
  const at = (engine: 'systemd' | 'procps', key: string) => winner(sources, engine, key);
  return { sources, at };
}

test('99-sysctl.conf link: systemd leaves 1, procps ends with /etc/sysctl.conf = 0', async () => {
  const { at } = await resolve(0);
  expect(at('systemd', V4)).toEqual({ path: '/etc/sysctl.d/99-zz-ha.conf', line: 1, value: '1' });
  expect(at('procps', V4)).toEqual({ path: '/etc/sysctl.conf', line: 2, value: '0' });
});

test('/etc/sysctl.conf alone: ignored by systemd, applied by procps', async () => {
  const { at } = await resolve(1);
  expect(at('systemd', V4)).toBeNull();
  expect(at('procps', V6)).toEqual({ path: '/etc/sysctl.conf', line: 2, value: '1' });
});

test('same name in /etc overrides /usr/lib under both engines', async () => {
  const { at } = await resolve(2);
  expect(at('systemd', V4)?.path).toBe('/etc/sysctl.d/50-ha.conf');
  expect(at('procps', V4)?.path).toBe('/etc/sysctl.d/50-ha.conf');
});

test('/run overrides /usr/local/lib and /usr/lib', async () => {
  const { at } = await resolve(3);
  expect(at('systemd', V4)).toEqual({ path: '/run/sysctl.d/50-ha.conf', line: 1, value: '1' });
  expect(at('systemd', V6)).toBeNull();
});

test('a /dev/null link masks the vendor file', async () => {
  const { at, sources } = await resolve(4);
  expect(at('systemd', V4)).toBeNull();
  expect(at('procps', V4)).toBeNull();
  expect(sources.directories.find((d) => d.dir === '/etc/sysctl.d')?.entries[0]?.kind).toBe(
    'masked',
  );
});

test('name order across directories decides', async () => {
  const { at } = await resolve(5);
  expect(at('systemd', V4)?.path).toBe('/usr/lib/sysctl.d/90-late.conf');
  expect(at('systemd', V6)?.path).toBe('/etc/sysctl.d/10-early.conf');
});

test('last assignment wins; "/" and "-" spellings are the same key', async () => {
  const { at } = await resolve(6);
  expect(at('systemd', V4)).toEqual({ path: '/etc/sysctl.d/70-mixed.conf', line: 2, value: '0' });
  expect(at('procps', V6)).toEqual({ path: '/etc/sysctl.d/70-mixed.conf', line: 3, value: '1' });
});

test('CRLF files and comments', async () => {
  const { at } = await resolve(7);
  expect(at('systemd', V4)).toEqual({ path: '/etc/sysctl.d/80-windows.conf', line: 3, value: '1' });
});

test('empty files and non-.conf files set nothing', async () => {
  const { at } = await resolve(8);
  expect(at('systemd', V4)).toBeNull();
  expect(at('procps', V4)).toBeNull();
});

test('class 6: a glob line on its own sets our key under both engines', async () => {
  const root = await layOut({
    '/etc/sysctl.d/10-glob.conf': 'net.ipv4.conf.*.rp_filter = 2\nnet.ipv4.ip_nonlocal_* = 1\n',
  });
  const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
  for (const engine of ['systemd', 'procps'] as const) {
    const r = predictBoot(sources, bootKeys(V4))[engine].get(V4);
    expect(r?.winner?.origin).toEqual({ path: '/etc/sysctl.d/10-glob.conf', line: 2 });
    expect(r?.winner?.pattern).toBe('net/ipv4/ip_nonlocal_*');
    expect(r?.stored).toBe(1);
  }
  await rm(root, { recursive: true });
});

test('merged /usr: /lib/sysctl.d as a link to usr/lib is read once', async () => {
  const root = await layOut({
    '/usr/lib/sysctl.d/50-x.conf': `${V4} = 1\n`,
    '/lib': { link: 'usr/lib' },
  });
  const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
  expect(sources.directories.map((d) => d.dir)).toEqual(['/usr/lib/sysctl.d']);
  await rm(root, { recursive: true });
});

test('unreadable files and directories are reported, not fatal, and the app does not guess what root reads there', async () => {
  const root = await layOut({
    '/etc/sysctl.d/10-secret.conf': `${V4} = 1\n`,
    '/usr/lib/sysctl.d/20-ok.conf': `${V6} = 1\n`,
  });
  await chmod(path.join(root, 'etc/sysctl.d/10-secret.conf'), 0o600);
  await mkdir(path.join(root, 'run/sysctl.d'), { recursive: true, mode: 0o700 });
  const cli = await bundleForChild('test/unit/system/read-sources-cli.ts');
  const child = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, root],
    {
      encoding: 'utf8',
    },
  );
  const result = JSON.parse(child.stdout) as {
    problems: string[];
    v6: string | null;
    unpredictable: { code: string; path: string } | null;
  };
  // Directories first, then entries (describeSourceProblems).
  expect(result.problems).toEqual([
    '/run/sysctl.d: cannot be read (EACCES)',
    '/etc/sysctl.d/10-secret.conf: permission denied',
  ]);
  // The engines run as root and may read both: a value would be a guess (issue #22).
  expect(result.v6).toBeNull();
  expect(result.unpredictable).toEqual({ code: 'directory-unlisted', path: '/run/sysctl.d' });
  await chmod(path.join(root, 'run'), 0o755);
  await chmod(path.join(root, 'run/sysctl.d'), 0o755);
  const fileOnly = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, root],
    { encoding: 'utf8' },
  );
  expect(JSON.parse(fileOnly.stdout)).toMatchObject({
    v6: null,
    unpredictable: { code: 'not-readable', path: '/etc/sysctl.d/10-secret.conf' },
  });
  await rm(root, { recursive: true });
  await rm(path.dirname(cli), { recursive: true });
});

test('an absolute link is followed below the root, never to the host file', async () => {
  const root = await layOut({
    '/etc/sysctl.conf': `${V4} = 1\n`,
    '/etc/sysctl.d/99-sysctl.conf': { link: '/etc/sysctl.conf' },
  });
  const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
  expect(winner(sources, 'systemd', V4)).toEqual({
    path: '/etc/sysctl.d/99-sysctl.conf',
    line: 1,
    value: '1',
  });
  await rm(root, { recursive: true });
});
