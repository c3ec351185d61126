import { test, expect } from '@playwright/test';
import { vipAdviceWords } from '../../../renderer/src/vip-words';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { discoverVips } from '../../../electron/system/vip-discovery';
import { toVipEntry } from '../../../electron/system/vip-findings';
import { bundleForChild } from '../../harness/bundle';
import { parseConfig } from '../../support/vip-parse';

const pick = (r: ReturnType<typeof parseConfig>) =>
  r.addresses.map((a) => [a.address, a.port, a.family, a.wildcard, a.line]);

test('HAProxy bind lines: IPv4, bracketed IPv6, lists, prefixes, wildcards, comments, sockets', () => {
  const result = parseConfig(
    'haproxy',
    [
      'global',
      '  # bind 203.0.113.1:80 is commented out',
      'frontend web',
      '  bind 192.0.2.10:80,192.0.2.11:8080 ssl crt /etc/x.pem  # two VIPs',
      '  bind [2001:db8::10]:443',
      '  bind ipv6@2001:db8::11:8443',
      '  bind *:9000',
      '  bind :9001',
      '  bind unix@/run/haproxy.sock',
      '  bind /var/run/x.sock',
      '  bind lb.example.com:80',
    ].join('\n'),
    'h.cfg',
  );
  expect(pick(result)).toEqual([
    ['192.0.2.10', 80, 'IPv4', false, 4],
    ['192.0.2.11', 8080, 'IPv4', false, 4],
    ['2001:db8::10', 443, 'IPv6', false, 5],
    ['2001:db8::11', 8443, 'IPv6', false, 6],
    ['*', 9000, 'IPv4', true, 7],
    ['*', 9001, 'IPv4', true, 8],
  ]);
  expect(result.skipped.map((s) => s.line)).toEqual([9, 10, 11]);
  expect(result.skipped[2]?.reason).toContain('not an IP address');
});

test('Keepalived virtual_ipaddress blocks, with prefixes, devices, IPv6 and excluded blocks', () => {
  const result = parseConfig(
    'keepalived',
    [
      'vrrp_instance VI_1 {',
      '  state BACKUP',
      '  virtual_ipaddress {',
      '    192.0.2.50/24 dev eth0 label eth0:vip',
      '    # 192.0.2.99',
      '    2001:db8::50/64',
      '  }',
      '  virtual_ipaddress_excluded {',
      '    192.0.2.60',
      '    not-an-ip',
      '  }',
      '  virtual_router_id 51',
      '}',
      'include /etc/keepalived/conf.d/*.conf',
    ].join('\n'),
    'k.conf',
  );
  expect(pick(result)).toEqual([
    ['192.0.2.50', null, 'IPv4', false, 4],
    ['2001:db8::50', null, 'IPv6', false, 6],
    ['192.0.2.60', null, 'IPv4', false, 9],
  ]);
  expect(result.skipped.map((s) => s.line)).toEqual([10, 14]);
});

test('Nginx listen directives: ports only, *:80, [::]:443, address:port, default port, unix, includes', () => {
  const result = parseConfig(
    'nginx',
    [
      'http {',
      '  include /etc/nginx/conf.d/*.conf;',
      '  include sites-enabled/*;',
      '  server {',
      '    listen 80; listen [::]:443 ssl http2;',
      '    listen 192.0.2.5:8080 default_server;',
      '    listen 192.0.2.6;',
      '    # listen 203.0.113.9:80;',
      '    listen *:81;',
      '    listen unix:/run/nginx.sock;',
      '    listen [2001:db8::5]:8443;',
      '  }',
      '}',
    ].join('\n'),
    'n.conf',
  );
  expect(pick(result)).toEqual([
    ['*', 80, 'IPv4', true, 5],
    ['::', 443, 'IPv6', true, 5],
    ['192.0.2.5', 8080, 'IPv4', false, 6],
    ['192.0.2.6', 80, 'IPv4', false, 7],
    ['*', 81, 'IPv4', true, 9],
    ['2001:db8::5', 8443, 'IPv6', false, 11],
  ]);
  expect(result.includes).toEqual(['/etc/nginx/conf.d/*.conf', '/etc/nginx/sites-enabled/*']);
  expect(result.skipped.map((s) => s.line)).toEqual([10]);
});

test('property: arbitrary text never throws in any parser (1,000 runs each)', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc
      .array(
        fc.constantFrom(
          'bind ',
          'listen ',
          'virtual_ipaddress {',
          '}',
          '{',
          ';',
          '[',
          ']',
          ':',
          '@',
          '#',
          '\n',
          '192.0.2.1',
          '::',
          '*',
          'include ',
          ',',
          '/24',
        ),
        { maxLength: 60 },
      )
      .map((a) => a.join('')),
  );
  for (const program of ['haproxy', 'keepalived', 'nginx'] as const) {
    fc.assert(
      fc.property(text, (t) => {
        const r = parseConfig(program, t, 'f');
        assert.ok(Array.isArray(r.addresses) && Array.isArray(r.skipped));
      }),
      { numRuns: 1000 },
    );
  }
});

test('discovery follows nginx includes once, marks missing and unreadable files, and says what each address needs', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-vips-'));
  await chmod(root, 0o755);
  const put = async (file: string, content: string, mode = 0o644) => {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true, mode: 0o755 });
    await writeFile(path.join(root, file), content, { mode });
    await chmod(path.join(root, file), mode);
  };
  await put(
    '/etc/haproxy/haproxy.cfg',
    'frontend f\n  bind 192.0.2.10:80\n  bind 127.0.0.1:8404\n',
  );
  await put('/etc/nginx/nginx.conf', 'http { include conf.d/*.conf; include nginx.conf; }\n');
  await put(
    '/etc/nginx/conf.d/a.conf',
    'server { listen [2001:db8::7]:443; include /etc/nginx/conf.d/*.conf; }\n',
  );
  await put('/etc/nginx/conf.d/b.conf', 'server { listen 80; }\n');
  await put(
    '/etc/keepalived/keepalived.conf',
    'vrrp_instance X { virtual_ipaddress {\n 192.0.2.50\n } }\n',
    0o600,
  );
  const cli = await bundleForChild('test/unit/system/discover-vips-cli.ts');
  const child = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, root],
    { encoding: 'utf8' },
  );
  expect(child.stderr).toBe('');
  const found = JSON.parse(child.stdout) as Awaited<ReturnType<typeof discoverVips>>;
  expect(found.files).toEqual([
    { path: '/etc/haproxy/haproxy.cfg', status: 'read', detail: null },
    { path: '/etc/keepalived/keepalived.conf', status: 'unreadable', detail: 'permission denied' },
    { path: '/etc/nginx/nginx.conf', status: 'read', detail: null },
    { path: '/etc/nginx/conf.d/a.conf', status: 'read', detail: null },
    { path: '/etc/nginx/conf.d/b.conf', status: 'read', detail: null },
  ]);
  expect(found.entries.map((e) => [e.program, e.address, e.needs, e.assignedLocally])).toEqual([
    ['HAProxy', '192.0.2.10', 'ipv4', false],
    ['HAProxy', '127.0.0.1', null, true],
    ['Nginx', '2001:db8::7', 'ipv6', false],
    ['Nginx', '*', null, false],
  ]);
  expect(found.entries[0] && vipAdviceWords(found.entries[0], null)).toBe(
    'Not on this computer: HAProxy needs IPv4 non-local bind to start here.',
  );
  await rm(root, { recursive: true });
  await rm(path.dirname(cli), { recursive: true });
});

test('a Keepalived address not held yet: Keepalived adds it itself; the services listening on it need the setting', () => {
  const found = {
    address: '192.0.2.10',
    port: null,
    family: 'IPv4',
    wildcard: false,
    file: '/etc/keepalived/keepalived.conf',
    line: 6,
  } as const;
  const here = toVipEntry(found, 'Keepalived', false);
  expect(here.needs).toBe('ipv4');
  expect(vipAdviceWords(here, null)).toBe(
    'Not on this computer yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it here before then need IPv4 non-local bind.',
  );
  expect(vipAdviceWords(here, null)).not.toContain('Keepalived needs');
  expect(vipAdviceWords(here, 'lb-2')).toBe(
    'Not on lb-2 yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it there before then need IPv4 non-local bind.',
  );
  // HAProxy itself binds the address, so it is the one that needs the setting.
  expect(vipAdviceWords(toVipEntry(found, 'HAProxy', false), null)).toBe(
    'Not on this computer: HAProxy needs IPv4 non-local bind to start here.',
  );
});
