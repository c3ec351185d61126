import { expect, test } from '@playwright/test';
import { willFailFindings } from '../../electron/system/netns/namespace-findings';
import type { NamespaceReading } from '../../electron/system/netns/namespace-step-types';
import type { NamespaceVip, NetworkNamespaceInfo } from '../../electron/system/netns/netns-types';

/**
 * "haproxy in container web-lb binds 192.0.2.10, and IPv4 non-local bind is off in its
 * network: it will fail to start" as data: which VIPs need a setting there, and whether the
 * reading inside says it is off, on (no finding) or was not made.
 */

const vip = (address: string, patch: Partial<NamespaceVip> = {}): NamespaceVip => ({
  address,
  port: 443,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
  file: '/usr/local/etc/haproxy/haproxy.cfg',
  line: 7,
  assignedThere: false,
  needs: address.includes(':') ? 'ipv6' : 'ipv4',
  ...patch,
});

const ns = (vips: readonly NamespaceVip[], patch: Partial<NetworkNamespaceInfo> = {}) =>
  ({
    inode: 4026532999,
    own: false,
    names: [],
    processCount: 2,
    samplePids: [4242],
    loadBalancers: [{ program: 'haproxy', pids: [4242, 4250], vips }],
    containers: [
      {
        runtime: 'docker',
        id: 'a1b2c3'.padEnd(64, '0'),
        shortId: 'a1b2c3000000',
        kubernetes: false,
        podUid: null,
        name: { name: 'web-lb', source: 'docker-config' },
        hostNetwork: false,
        processCount: 2,
      },
    ],
    ...patch,
  }) satisfies NetworkNamespaceInfo;

const reading = (ipv4: 0 | 1, inode = 4026532999): NamespaceReading => ({
  inode,
  ok: true,
  values: { ipv4: { kind: 'value', value: ipv4 }, ipv6: { kind: 'value', value: 1 } },
});

test('a VIP not held there with the setting read off: will fail, with its container', () => {
  expect(willFailFindings(ns([vip('192.0.2.10')]), reading(0))).toEqual([
    {
      inode: 4026532999,
      program: 'haproxy',
      pid: 4242,
      address: '192.0.2.10',
      setting: 'ipv4',
      value: 'off',
      container: { name: 'web-lb', shortId: 'a1b2c3000000' },
    },
  ]);
});

test('the setting on there: no finding; not read yet, or read in another namespace: unknown', () => {
  expect(willFailFindings(ns([vip('192.0.2.10')]), reading(1))).toEqual([]);
  expect(willFailFindings(ns([vip('192.0.2.10')]), null)[0]?.value).toBe('unknown');
  expect(willFailFindings(ns([vip('192.0.2.10')]), reading(1, 17))[0]?.value).toBe('unknown');
  const failed: NamespaceReading = { inode: 4026532999, ok: false, problem: 'gone' };
  expect(willFailFindings(ns([vip('192.0.2.10')]), failed)[0]?.value).toBe('unknown');
});

test('a value the kernel reads as on (2) counts as on; an unreadable one is unknown', () => {
  const raw = (text: string): NamespaceReading => ({
    inode: 4026532999,
    ok: true,
    values: { ipv4: { kind: 'unexpected', raw: text } },
  });
  expect(willFailFindings(ns([vip('192.0.2.10')]), raw('2\n'))).toEqual([]);
  expect(willFailFindings(ns([vip('192.0.2.10')]), raw('junk'))[0]?.value).toBe('unknown');
  const missing: NamespaceReading = { inode: 4026532999, ok: true, values: {} };
  expect(willFailFindings(ns([vip('192.0.2.10')]), missing)[0]?.value).toBe('unknown');
});

test('held there, wildcard or loopback (needs null): no finding; each address once', () => {
  const vips = [
    vip('192.0.2.10', { assignedThere: true }),
    vip('0.0.0.0', { needs: null }),
    vip('127.0.0.1', { needs: null, assignedThere: true }),
    vip('2001:db8::5'),
    vip('2001:db8::5', { port: 80, line: 9 }),
  ];
  const found = willFailFindings(ns(vips), null);
  expect(found.map((f) => [f.address, f.setting, f.value])).toEqual([
    ['2001:db8::5', 'ipv6', 'unknown'],
  ]);
  // The same VIPs with IPv6 read on there: nothing left to fail.
  expect(willFailFindings(ns(vips), reading(0))).toEqual([]);
});

test('the own namespace, no VIPs read, no pid, host-network containers', () => {
  expect(willFailFindings(ns([vip('192.0.2.10')], { own: true }), reading(0))).toEqual([]);
  const unread = ns([], { loadBalancers: [{ program: 'nginx', pids: [7] }] });
  expect(willFailFindings(unread, reading(0))).toEqual([]);
  const noPid = ns([], {
    loadBalancers: [{ program: 'nginx', pids: [], vips: [vip('192.0.2.1')] }],
  });
  expect(willFailFindings(noPid, reading(0))).toEqual([]);
  const base = ns([vip('192.0.2.10')]);
  const hostNet = {
    ...base,
    containers: base.containers.map((c) => ({ ...c, hostNetwork: true })),
  };
  expect(willFailFindings(hostNet, reading(0))[0]?.container).toBeNull();
});
