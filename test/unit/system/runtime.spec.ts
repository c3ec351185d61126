import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, chmod, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  effectiveValue,
  parseRuntimeText,
  readRuntimeValues,
} from '../../../electron/system/runtime';
import type { SystemContext } from '../../../electron/system/system-context';
import { bundleForChild } from '../../harness/bundle';

async function makeRoot(values: { ipv4?: string; ipv6?: string | null }): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-runtime-'));
  await chmod(root, 0o755);
  await mkdir(path.join(root, 'proc/sys/net/ipv4'), { recursive: true });
  if (values.ipv4 !== undefined) {
    await writeFile(path.join(root, 'proc/sys/net/ipv4/ip_nonlocal_bind'), values.ipv4);
  }
  if (values.ipv6 !== null) {
    await mkdir(path.join(root, 'proc/sys/net/ipv6'), { recursive: true });
    if (values.ipv6 !== undefined) {
      await writeFile(path.join(root, 'proc/sys/net/ipv6/ip_nonlocal_bind'), values.ipv6);
    }
  }
  return root;
}

const linux = (fsRoot: string): SystemContext => ({ fsRoot, platform: 'linux' });

test('parses 0 and 1 with the trailing newline procfs adds', () => {
  expect(parseRuntimeText('0\n')).toEqual({ kind: 'value', value: 0 });
  expect(parseRuntimeText('1\n')).toEqual({ kind: 'value', value: 1 });
});

test('keeps unexpected content raw, because only 0 and 1 are meaningful', () => {
  expect(parseRuntimeText('2\n')).toEqual({ kind: 'unexpected', raw: '2\n' });
  expect(parseRuntimeText('')).toEqual({ kind: 'unexpected', raw: '' });
});

test('reads both values from a directory laid out like /proc', async () => {
  const root = await makeRoot({ ipv4: '1\n', ipv6: '0\n' });
  const states = await readRuntimeValues(linux(root));
  expect(states.map((s) => [s.key, s.runtime])).toEqual([
    ['net.ipv4.ip_nonlocal_bind', { kind: 'value', value: 1 }],
    ['net.ipv6.ip_nonlocal_bind', { kind: 'value', value: 0 }],
  ]);
  await rm(root, { recursive: true });
});

test('reports IPv6 as absent when /proc/sys/net/ipv6 is missing', async () => {
  const root = await makeRoot({ ipv4: '0\n', ipv6: null });
  const [v4, v6] = await readRuntimeValues(linux(root));
  expect(v4?.runtime).toEqual({ kind: 'value', value: 0 });
  expect(v6?.runtime).toMatchObject({ kind: 'unavailable', reason: 'ipv6-absent' });
  expect(v6?.runtime.kind === 'unavailable' && v6.runtime.detail).toContain('/proc/sys/net/ipv6');
  await rm(root, { recursive: true });
});

test('reports a missing key when the family directory exists but the file does not', async () => {
  const root = await makeRoot({ ipv6: '0\n' });
  const [v4] = await readRuntimeValues(linux(root));
  expect(v4?.runtime).toMatchObject({ kind: 'unavailable', reason: 'key-missing' });
  await rm(root, { recursive: true });
});

test('reports permission denied for a file the user may not read', async () => {
  const root = await makeRoot({ ipv4: '1\n', ipv6: '1\n' });
  await chmod(path.join(root, 'proc/sys/net/ipv4/ip_nonlocal_bind'), 0o000);
  const cli = await bundleForChild('test/unit/system/read-runtime-cli.ts');
  // Root bypasses file modes, so read as nobody when the test runs as root.
  const asNobody = process.getuid?.() === 0;
  const command = asNobody ? 'setpriv' : process.execPath;
  const args = asNobody
    ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, root]
    : [cli, root];
  const child = spawnSync(command, args, { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  const [v4, v6] = JSON.parse(child.stdout) as unknown[];
  expect(v4).toMatchObject({ kind: 'unavailable', reason: 'permission-denied' });
  expect(v6).toEqual({ kind: 'value', value: 1 });
  await rm(root, { recursive: true });
  await rm(path.dirname(cli), { recursive: true });
});

test('says the setting is Linux-only on other platforms', async () => {
  const states = await readRuntimeValues({ fsRoot: '/', platform: 'darwin' });
  for (const s of states)
    expect(s.runtime).toMatchObject({ kind: 'unavailable', reason: 'not-linux' });
});

test('one interpretation of the running value: non-zero numbers are on, text without a number is no value', () => {
  const cases: [string, 0 | 1 | null][] = [
    ['0\n', 0],
    ['1\n', 1],
    ['2\n', 1],
    ['255\n', 1],
    ['007\n', 1],
    ['000\n', 0],
    [' 1 \n', 1],
    ['abc\n', null],
    ['', null],
    ['1 1\n', null],
    ['-1\n', null],
  ];
  for (const [raw, effective] of cases) {
    expect(effectiveValue(parseRuntimeText(raw)), JSON.stringify(raw)).toBe(effective);
  }
  expect(effectiveValue({ kind: 'unavailable', reason: 'ipv6-absent', detail: '' })).toBeNull();
});
