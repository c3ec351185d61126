import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, chmod, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { canonicalizeIp } from '../../../electron/system/ip-address';
import { discoverVips, type VipDiscovery } from '../../../electron/system/vip-discovery';
import { bundleForChild } from '../../support/bundle';

async function makeRoot(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-vips-'));
  await chmod(root, 0o755);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    await mkdir(path.dirname(full), { recursive: true, mode: 0o755 });
    await writeFile(full, content, { mode: 0o644 });
  }
  return root;
}

const ctx = (fsRoot: string) => ({ fsRoot, platform: 'linux' as const });
const where = (d: VipDiscovery) =>
  d.addresses.map((a) => `${a.program} ${a.address} ${a.file}:${a.line}`);

test('reads all three programs, follows Nginx includes relative to /etc/nginx, once each', async () => {
  const root = await makeRoot({
    'etc/haproxy/haproxy.cfg': 'frontend f\n  bind 192.0.2.10:80\n',
    'etc/keepalived/keepalived.conf':
      'vrrp_instance V {\n virtual_ipaddress {\n  2001:db8::50\n }\n}\n',
    'etc/nginx/nginx.conf':
      'http {\n include conf.d/*.conf;\n include /etc/nginx/sites-enabled/*;\n include missing/*.conf;\n}\n',
    'etc/nginx/conf.d/a.conf': 'server { listen 192.0.2.5:8080; }\n',
    'etc/nginx/conf.d/b.conf':
      'server { listen [2001:db8::5]:443 ssl; include /etc/nginx/conf.d/a.conf; }\n',
    'etc/nginx/conf.d/ignored.txt': 'listen 203.0.113.1:80;\n',
    'etc/nginx/sites-enabled/default': 'server {\n  listen 80;\n  listen [::]:80;\n}\n',
  });
  const found = await discoverVips(ctx(root), new Set([canonicalizeIp('192.0.2.5')]));
  expect(where(found)).toEqual([
    'haproxy 192.0.2.10 /etc/haproxy/haproxy.cfg:2',
    'keepalived 2001:db8::50 /etc/keepalived/keepalived.conf:3',
    'nginx 192.0.2.5 /etc/nginx/conf.d/a.conf:1',
    'nginx 2001:db8::5 /etc/nginx/conf.d/b.conf:1',
  ]);
  expect(found.files.map((f) => `${f.file} ${f.status}`)).toEqual([
    '/etc/haproxy/haproxy.cfg read',
    '/etc/keepalived/keepalived.conf read',
    '/etc/nginx/nginx.conf read',
    '/etc/nginx/conf.d/a.conf read',
    '/etc/nginx/conf.d/b.conf read',
    '/etc/nginx/sites-enabled/default read',
  ]);
  expect(found.skipped.map((s) => `${s.file}:${s.line} ${s.reason}`)).toEqual([
    '/etc/nginx/conf.d/b.conf:1 include loop or repeat: /etc/nginx/conf.d/a.conf already read',
    '/etc/nginx/sites-enabled/default:2 listens on all addresses: no setting needed',
    '/etc/nginx/sites-enabled/default:3 listens on all addresses: no setting needed',
  ]);
  const [haproxy, keepalived, local] = found.addresses;
  expect(haproxy).toMatchObject({ assignedLocally: false, setting: 'ipv4' });
  expect(haproxy?.explanation).toContain('net.ipv4.ip_nonlocal_bind = 1');
  expect(keepalived).toMatchObject({ assignedLocally: false, setting: 'ipv6', family: 'IPv6' });
  expect(local).toMatchObject({ assignedLocally: true, setting: null });
  await rm(root, { recursive: true });
});

test('an include loop between two Nginx files ends and is reported', async () => {
  const root = await makeRoot({
    'etc/nginx/nginx.conf': 'include loop.conf;\nlisten 192.0.2.1:80;\n',
    'etc/nginx/loop.conf': 'include nginx.conf;\nlisten 192.0.2.2:80;\n',
  });
  const found = await discoverVips(ctx(root), new Set());
  expect(where(found)).toEqual([
    'nginx 192.0.2.1 /etc/nginx/nginx.conf:2',
    'nginx 192.0.2.2 /etc/nginx/loop.conf:2',
  ]);
  expect(found.skipped).toEqual([
    {
      file: '/etc/nginx/loop.conf',
      line: 1,
      reason: 'include loop or repeat: /etc/nginx/nginx.conf already read',
    },
  ]);
  await rm(root, { recursive: true });
});

test('missing configurations are listed as missing, not as errors', async () => {
  const root = await makeRoot({});
  const found = await discoverVips(ctx(root), new Set());
  expect(found.addresses).toEqual([]);
  expect(found.files.map((f) => f.status)).toEqual(['missing', 'missing', 'missing']);
  await rm(root, { recursive: true });
});

test('an unreadable file is marked unreadable for a non-root reader; the others still count', async () => {
  const root = await makeRoot({
    'etc/haproxy/haproxy.cfg': 'bind 192.0.2.10:80\n',
    'etc/keepalived/keepalived.conf': 'virtual_ipaddress {\n 192.0.2.50\n}\n',
  });
  await chmod(path.join(root, 'etc/haproxy/haproxy.cfg'), 0o600);
  const cli = await bundleForChild('test/unit/system/discover-vips-cli.ts');
  // Root bypasses file modes, so read as nobody when the test runs as root.
  const asNobody = process.getuid?.() === 0;
  const command = asNobody ? 'setpriv' : process.execPath;
  const args = asNobody
    ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, root]
    : [cli, root];
  if (!asNobody) await chmod(path.join(root, 'etc/haproxy/haproxy.cfg'), 0o000);
  const child = spawnSync(command, args, { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  const found = JSON.parse(child.stdout) as VipDiscovery;
  expect(found.files[0]).toEqual({
    file: '/etc/haproxy/haproxy.cfg',
    program: 'haproxy',
    status: 'unreadable',
    detail: 'permission denied',
  });
  expect(where(found)).toEqual(['keepalived 192.0.2.50 /etc/keepalived/keepalived.conf:2']);
  await rm(root, { recursive: true });
  await rm(path.dirname(cli), { recursive: true });
});

test('a directory where a file should be, and binary garbage, are reported without throwing', async () => {
  const root = await makeRoot({
    'etc/haproxy/haproxy.cfg/oops': 'x',
    'etc/keepalived/keepalived.conf': '\u0000\uffff{{{ virtual_ipaddress { ]]] \n',
  });
  const found = await discoverVips(ctx(root), new Set());
  expect(found.files[0]).toMatchObject({ status: 'unreadable', detail: 'is a directory' });
  expect(found.files[1]).toMatchObject({ status: 'read' });
  expect(found.addresses).toEqual([]);
  expect(found.skipped.length).toBeGreaterThan(0);
  await rm(root, { recursive: true });
});
