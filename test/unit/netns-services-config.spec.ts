import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configPaths, isLocalThere } from '../../electron/system/netns/namespace-services-config';
import {
  localAddressesSync,
  processFactsSync,
} from '../../electron/system/netns/namespace-services-proc';
import { isLoopbackAddress } from '../../electron/system/bind-test';

/**
 * Where a load balancer reads its configuration (its own arguments, hostile), and which
 * addresses are local in its namespace (fib_trie local routes, if_inet6).
 */

test('configuration paths from the arguments each program takes, else its default', () => {
  expect(configPaths('haproxy', ['haproxy', '-W', '-f', '/a.cfg', '-f', '/b/'])).toEqual({
    ok: true,
    paths: ['/a.cfg', '/b/'],
    fromArguments: true,
  });
  expect(configPaths('haproxy', ['haproxy', '-C', '/etc/lb', '-f', 'main.cfg'])).toMatchObject({
    paths: ['/etc/lb/main.cfg'],
  });
  expect(configPaths('haproxy', ['haproxy', '-db'])).toEqual({
    ok: true,
    paths: ['/etc/haproxy/haproxy.cfg'],
    fromArguments: false,
  });
  // After `--` HAProxy takes file names no more as options: not read as -f here either.
  expect(configPaths('haproxy', ['haproxy', '--', '-f', '/x'])).toMatchObject({
    fromArguments: false,
  });
  expect(
    configPaths('nginx', ['nginx: master process nginx -p /srv -c conf/n.conf']),
  ).toMatchObject({ paths: ['/srv/conf/n.conf'] });
  expect(configPaths('nginx', ['nginx: worker process'])).toMatchObject({
    paths: ['/etc/nginx/nginx.conf'],
  });
  expect(configPaths('keepalived', ['keepalived', '-f/k.conf'])).toMatchObject({
    paths: ['/k.conf'],
  });
  expect(configPaths('keepalived', ['keepalived', '--use-file', '/../k.conf'])).toMatchObject({
    paths: ['/k.conf'],
  });
  expect(configPaths('keepalived', ['keepalived', '-D'])).toMatchObject({
    paths: ['/etc/keepalived/keepalived.conf'],
  });
  expect(configPaths('envoy', ['envoy', '-c', '/e.yaml'])).toEqual({
    ok: false,
    reason: 'not-parsed',
  });
});

test('hostile arguments are refused, never guessed', () => {
  const refused = (args: string[]) => configPaths('haproxy', ['haproxy', ...args]);
  expect(refused(['-f'])).toEqual({ ok: false, reason: 'bad-argument' });
  expect(refused(['-f', ''])).toEqual({ ok: false, reason: 'bad-argument' });
  expect(refused(['-f', `/${'a'.repeat(5000)}`])).toEqual({ ok: false, reason: 'bad-argument' });
  expect(refused(['-f', '/etc/\nx'])).toEqual({ ok: false, reason: 'bad-argument' });
  expect(refused(['-f', 'rel.cfg'])).toEqual({ ok: false, reason: 'relative-path' });
  expect(refused(['-C', 'rel', '-f', 'x.cfg'])).toEqual({ ok: false, reason: 'relative-path' });
  const many = Array.from({ length: 100 }, (_, i) => ['-f', `/f${i}.cfg`]).flat();
  expect(refused(many)).toMatchObject({ ok: true });
  const answer = refused(many);
  expect(answer.ok && answer.paths.length).toBe(16);
});

test('local addresses from fib_trie (prefixes, AnyIP) and if_inet6, hostile text capped', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-netns-locals-'));
  try {
    fs.writeFileSync(
      `${dir}/fib_trie`,
      [
        'Main:',
        '     |-- 999.1.1.1',
        '        /32 host LOCAL',
        '     |-- 10.0.0.0',
        '        /8 host LOCAL',
        '     |-- 192.0.2.9',
        '        /32 link UNICAST',
        '        /40 host LOCAL',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(`${dir}/if_inet6`, 'fe80000000000000000000000000000a 02 40 20 80 eth0\nxx\n');
    const locals = localAddressesSync(fs, dir);
    expect(locals).toEqual({
      ok: true,
      v4: [[10 * 2 ** 24, 8]],
      v6: ['fe80000000000000000000000000000a'],
      capped: false,
    });
    expect(isLocalThere('10.200.3.4', locals)).toBe(true);
    expect(isLocalThere('11.0.0.1', locals)).toBe(false);
    expect(isLocalThere('192.0.2.9', locals)).toBe(false);
    expect(isLocalThere('fe80::a%eth0', locals)).toBe(true);
    expect(isLocalThere('FE80:0:0::A', locals)).toBe(true);
    expect(isLocalThere('not an address', locals)).toBe(false);
    // A line longer than any real one: refused, not held.
    fs.writeFileSync(`${dir}/fib_trie`, 'x'.repeat(200_000));
    expect(localAddressesSync(fs, dir)).toEqual({ ok: false, code: 'EINVAL' });
    // No IPv6 in that namespace: no address is local, the IPv4 ones still are.
    fs.writeFileSync(`${dir}/fib_trie`, '     |-- 192.0.2.1\n        /32 host LOCAL\n');
    fs.rmSync(`${dir}/if_inet6`);
    expect(localAddressesSync(fs, dir)).toMatchObject({ ok: true, v6: [] });
    expect(localAddressesSync(fs, `${dir}/missing`)).toEqual({ ok: false, code: 'ENOENT' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loopback needs no setting; a process facts file that is hostile', () => {
  expect(isLoopbackAddress('127.3.4.5')).toBe(true);
  expect(isLoopbackAddress('::1')).toBe(true);
  expect(isLoopbackAddress('0:0::1')).toBe(true);
  expect(isLoopbackAddress('128.0.0.1')).toBe(false);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-netns-facts-'));
  try {
    fs.writeFileSync(`${dir}/cmdline`, `haproxy\0-f\0/a.cfg\0${'x'.repeat(100_000)}\0`);
    fs.writeFileSync(`${dir}/stat`, '77 (evil) S 1 (name) S 66 1 1\n');
    expect(processFactsSync(fs, dir)).toEqual({
      ok: true,
      args: ['haproxy', '-f', '/a.cfg', ''],
      ppid: 66,
      mnt: null,
    });
    expect(processFactsSync(fs, `${dir}/gone`)).toEqual({ ok: false, code: 'ENOENT' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
