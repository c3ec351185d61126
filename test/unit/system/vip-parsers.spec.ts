import { test, expect } from '@playwright/test';
import { parseHaproxyConfig } from '../../../electron/system/vip-haproxy';
import { parseKeepalivedConfig } from '../../../electron/system/vip-keepalived';
import { parseNginxConfig } from '../../../electron/system/vip-nginx';
import { WILDCARD_REASON } from '../../../electron/system/vip-types';

const brief = (r: {
  addresses: { address: string; port: number | null; family: string; line: number }[];
}) => r.addresses.map((a) => [a.address, a.port, a.family, a.line]);

test('HAProxy: bind lines with IPv4, bracketed IPv6, lists, wildcards, comments', () => {
  const text = [
    '# bind 203.0.113.1:80 is commented out',
    'frontend web',
    '  bind 192.0.2.10:80',
    '  bind [2001:db8::10]:443 ssl crt /etc/ssl/x.pem',
    '  bind *:80',
    '  bind :8080',
    '  bind ipv6@:80',
    '  bind 192.0.2.1:80,192.0.2.2:81 # two at once',
    '  bind ipv4@198.51.100.7:8443',
    '  bind unix@/run/haproxy.sock',
    '  bind proxy.example.com:80',
    '  bind 0.0.0.0:81',
    '  bind :::82',
    '  bind 192.0.2.9:http',
    '  bind "192.0.2.11:90"',
    '  mode http',
  ].join('\n');
  const result = parseHaproxyConfig(text, '/etc/haproxy/haproxy.cfg');
  expect(brief(result)).toEqual([
    ['192.0.2.10', 80, 'IPv4', 3],
    ['2001:db8::10', 443, 'IPv6', 4],
    ['192.0.2.1', 80, 'IPv4', 8],
    ['192.0.2.2', 81, 'IPv4', 8],
    ['198.51.100.7', 8443, 'IPv4', 9],
    ['192.0.2.11', 90, 'IPv4', 15],
  ]);
  expect(result.addresses.every((a) => a.program === 'haproxy')).toBe(true);
  const reasons = result.skipped.map((s) => [s.line, s.reason]);
  expect(reasons).toEqual([
    [5, WILDCARD_REASON],
    [6, WILDCARD_REASON],
    [7, WILDCARD_REASON],
    [10, 'not an IP socket: unix@/run/haproxy.sock'],
    [11, 'not an IP address (names are not looked up): proxy.example.com'],
    [12, WILDCARD_REASON],
    [13, WILDCARD_REASON],
    [14, 'port not understood: 192.0.2.9:http'],
  ]);
});

test('HAProxy: a broken file yields what it can and says what it skipped', () => {
  const result = parseHaproxyConfig('bind\nbind [2001:db8::1:80\n\0\0 bind\nbind 192.0.2.3', 'f');
  expect(brief(result)).toEqual([['192.0.2.3', null, 'IPv4', 4]]);
  expect(result.skipped.map((s) => s.line)).toEqual([1, 2]);
});

test('Keepalived: virtual_ipaddress blocks, excluded blocks, prefixes, options, comments, include', () => {
  const text = [
    '! Configuration File for keepalived',
    'include /etc/keepalived/conf.d/*.conf',
    'vrrp_instance VI_1 {',
    '    state BACKUP',
    '    virtual_router_id 51',
    '    authentication { auth_type PASS }',
    '    virtual_ipaddress {',
    '        192.0.2.50/24 dev eth0 label eth0:vip',
    '        # 192.0.2.99 commented',
    '        2001:db8::50',
    '        0.0.0.0/0',
    '    }',
    '    virtual_ipaddress_excluded',
    '    {',
    '        fe80::1/64 dev eth0',
    '        not-an-address',
    '    }',
    '    virtual_ipaddress { 198.51.100.5 }',
    '    unicast_peer { 192.0.2.200 }',
    '}',
  ].join('\n');
  const result = parseKeepalivedConfig(text, '/etc/keepalived/keepalived.conf');
  expect(brief(result)).toEqual([
    ['192.0.2.50', null, 'IPv4', 8],
    ['2001:db8::50', null, 'IPv6', 10],
    ['fe80::1', null, 'IPv6', 15],
    ['198.51.100.5', null, 'IPv4', 18],
  ]);
  expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
    [2, 'include not followed: /etc/keepalived/conf.d/*.conf'],
    [11, WILDCARD_REASON],
    [16, 'not an IP address (names are not looked up): not-an-address'],
  ]);
});

test('Keepalived: unbalanced braces are reported, never thrown', () => {
  const result = parseKeepalivedConfig('}\nvirtual_ipaddress {\n192.0.2.1\n', 'k');
  expect(brief(result)).toEqual([['192.0.2.1', null, 'IPv4', 3]]);
  expect(result.skipped.map((s) => s.reason)).toEqual([
    'unbalanced }',
    'unclosed { at end of file',
  ]);
});

test('Nginx: listen forms, default port 80, unix sockets, includes, comments, quotes', () => {
  const text = [
    'http {',
    '  include /etc/nginx/conf.d/*.conf;',
    '  server {',
    '    listen 80;',
    '    listen [::]:443 ssl;',
    '    listen 192.0.2.5:8080 default_server;',
    '    listen *:80;',
    '    listen unix:/run/x.sock;',
    '    # listen 203.0.113.9:80;',
    '    listen 198.51.100.8; listen [2001:db8::5]:8443 ssl;',
    '    listen "192.0.2.6:81";',
    '    listen localhost:80;',
    '    include sites-enabled/*;',
    '  }',
    '}',
  ].join('\n');
  const result = parseNginxConfig(text, '/etc/nginx/nginx.conf');
  expect(brief(result)).toEqual([
    ['192.0.2.5', 8080, 'IPv4', 6],
    ['198.51.100.8', 80, 'IPv4', 10],
    ['2001:db8::5', 8443, 'IPv6', 10],
    ['192.0.2.6', 81, 'IPv4', 11],
  ]);
  expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
    [4, WILDCARD_REASON],
    [5, WILDCARD_REASON],
    [7, WILDCARD_REASON],
    [8, 'not an IP socket: unix:/run/x.sock'],
    [12, 'not an IP address (names are not looked up): localhost'],
  ]);
  expect(result.includes).toEqual([
    { pattern: '/etc/nginx/conf.d/*.conf', line: 2 },
    { pattern: 'sites-enabled/*', line: 13 },
  ]);
});

test('Nginx: a file that ends inside a statement says so instead of guessing', () => {
  const result = parseNginxConfig('server {\n  listen 192.0.2.5:80;\n  listen 192.0.2.6', 'n');
  expect(brief(result)).toEqual([['192.0.2.5', 80, 'IPv4', 2]]);
  expect(result.skipped).toEqual([
    { file: 'n', line: 3, reason: 'file ends inside a statement (missing ;)' },
  ]);
});
