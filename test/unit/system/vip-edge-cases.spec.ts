import { test, expect } from '@playwright/test';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateBindTarget } from '../../../electron/system/bind-test';
import { discoverVips } from '../../../electron/system/vip-discovery';
import { parseConfig } from '../../support/vip-parse';

// Corners the first fixtures missed; each of these was wrong or silently dropped before.

test('Nginx and HAProxy: every spelling of 0.0.0.0 and :: is a wildcard, not a VIP', () => {
  const nginx = parseConfig(
    'nginx',
    'listen [::0]:80;\nlisten [0:0::0]:81;\nlisten 0.0.0.0:82;',
    'n',
  );
  expect(nginx.addresses.map((a) => [a.address, a.family, a.wildcard])).toEqual([
    ['::0', 'IPv6', true],
    ['0:0::0', 'IPv6', true],
    ['0.0.0.0', 'IPv4', true],
  ]);
  const haproxy = parseConfig('haproxy', 'bind ::0:80\nbind 0.0.0.0:81\nbind [::1]:82', 'h');
  expect(haproxy.addresses.map((a) => [a.address, a.wildcard])).toEqual([
    ['::0', true],
    ['0.0.0.0', true],
    ['::1', false],
  ]);
});

test('HAProxy: a quoted address list is read like an unquoted one', () => {
  const result = parseConfig('haproxy', 'bind "192.0.2.11:90,[2001:db8::11]:91" ssl', 'h');
  expect(result.addresses.map((a) => [a.address, a.port])).toEqual([
    ['192.0.2.11', 90],
    ['2001:db8::11', 91],
  ]);
  expect(result.skipped).toEqual([]);
});

test('Keepalived: an address on the virtual_ipaddress line itself is found', () => {
  const result = parseConfig(
    'keepalived',
    'vrrp_instance V {\n  virtual_ipaddress { 198.51.100.5/32 dev eth0 }\n  state BACKUP\n}\n',
    'k',
  );
  expect(result.addresses.map((a) => [a.address, a.line])).toEqual([['198.51.100.5', 2]]);
  expect(result.skipped).toEqual([]);
});

test('Nginx: a file cut off before its ";" is reported, not silently dropped', () => {
  const result = parseConfig('nginx', 'server {\n  listen 192.0.2.5:80;\n  listen 192.0.2.6', 'n');
  expect(result.addresses.map((a) => a.address)).toEqual(['192.0.2.5']);
  expect(result.skipped).toEqual([
    { file: 'n', line: 3, reason: 'the file ends inside a directive (missing ";")' },
  ]);
});

test('Nginx includes with a glob in a directory name are followed, hidden files are not', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-vips-glob-'));
  await chmod(root, 0o755);
  const put = async (file: string, content: string) => {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  };
  await put('etc/nginx/nginx.conf', 'http { include sites-*/*.conf; }\n');
  await put('etc/nginx/sites-enabled/a.conf', 'server { listen 192.0.2.5:80; }\n');
  await put('etc/nginx/sites-extra/b.conf', 'server { listen 192.0.2.6:80; }\n');
  await put('etc/nginx/sites-extra/.hidden.conf', 'server { listen 192.0.2.7:80; }\n');
  const found = await discoverVips({ fsRoot: root, platform: 'linux' });
  expect(found.entries.map((e) => [e.address, e.file])).toEqual([
    ['192.0.2.5', '/etc/nginx/sites-enabled/a.conf'],
    ['192.0.2.6', '/etc/nginx/sites-extra/b.conf'],
  ]);
  await rm(root, { recursive: true });
});

test('bind test: only fe80::/10 needs a zone (fe8::1 is 0fe8::1, a global address)', () => {
  expect(validateBindTarget('fe8::1', 0)).toMatchObject({ ok: true });
  expect(validateBindTarget('fec0::1', 0)).toMatchObject({ ok: true });
  for (const address of ['fe80::1', 'FEBF::1', 'fe9a:1::2']) {
    expect(validateBindTarget(address, 0)).toMatchObject({ ok: false });
  }
});
