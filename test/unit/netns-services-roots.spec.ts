import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import type { InsideReader } from '../../electron/system/netns/namespace-services-glob';
import type { InsideAnswers } from '../../electron/system/netns/netns-thread';
import { fakeRootsPerTest } from './netns-fake-roots';

/**
 * Whose root a load balancer's configuration is read in: a HAProxy that chroots after
 * reading it, several instances of one program sharing a namespace, and a root the app may
 * not look into. Real files in fake roots (netns-fake-roots.ts).
 */

const fake = fakeRootsPerTest();
const { write, proc, lbsOf } = fake;

test('chrooted HAProxy (-db with chroot): the config is read in its parent’s root when that shares its mount namespace', async () => {
  const jail = `${fake.base}/jail`;
  fs.mkdirSync(jail, { recursive: true });
  const real = `${fake.base}/real`;
  write(`${real}/etc/haproxy/haproxy.cfg`, 'frontend a\n  bind 192.0.2.70:80\n');
  proc(700, 699, ['haproxy', '-db', '-f', '/etc/haproxy/haproxy.cfg'], jail);
  proc(699, 1, ['/bin/sh'], real);
  proc(800, 799, ['haproxy', '-db', '-f', '/etc/haproxy/haproxy.cfg'], jail);
  proc(799, 1, ['conmon'], real);
  fs.mkdirSync(`${fake.base}/proc/700/ns`);
  fs.mkdirSync(`${fake.base}/proc/699/ns`);
  fs.mkdirSync(`${fake.base}/proc/800/ns`);
  fs.mkdirSync(`${fake.base}/proc/799/ns`);
  fs.symlinkSync('mnt:[4026531840]', `${fake.base}/proc/700/ns/mnt`);
  fs.symlinkSync('mnt:[4026531840]', `${fake.base}/proc/699/ns/mnt`);
  fs.symlinkSync('mnt:[4026532001]', `${fake.base}/proc/800/ns/mnt`);
  // A container engine outside the container: another mount namespace, never its root.
  fs.symlinkSync('mnt:[4026531840]', `${fake.base}/proc/799/ns/mnt`);
  const [jailed, container] = await lbsOf([
    { program: 'haproxy', pids: [700] },
    { program: 'haproxy', pids: [800] },
  ]);
  expect(jailed).toMatchObject({ configProblem: null, configFiles: ['/etc/haproxy/haproxy.cfg'] });
  expect(jailed?.vips?.map((v) => v.address)).toEqual(['192.0.2.70']);
  expect(container).toMatchObject({
    vips: [],
    configProblem: { code: 'not-found', file: '/etc/haproxy/haproxy.cfg', reason: 'ENOENT' },
  });
});

test('a root the app may not look into (another user’s process): unreadable, with its code', async () => {
  proc(900, 1, ['haproxy', '-f', '/etc/haproxy/haproxy.cfg'], `${fake.base}/none`);
  const denied: InsideReader = {
    ask: (call, waitMs) =>
      call.kind === 'read' || call.kind === 'list'
        ? Promise.resolve({ ok: false, code: 'EACCES' } as InsideAnswers[typeof call.kind])
        : fake.reader.ask(call, waitMs),
  };
  const [lb] = await lbsOf([{ program: 'haproxy', pids: [900] }], denied);
  expect(lb?.configProblem).toEqual({
    code: 'unreadable',
    file: '/etc/haproxy/haproxy.cfg',
    reason: 'EACCES',
  });
});

test('two instances of one program in a namespace (a host HAProxy and one with --network host): both roots read', async () => {
  const hostRoot = `${fake.base}/host-root`;
  const containerRoot = `${fake.base}/container-root`;
  write(`${hostRoot}/etc/haproxy/haproxy.cfg`, 'frontend h\n  bind 192.0.2.80:80\n');
  write(`${containerRoot}/usr/local/etc/haproxy/haproxy.cfg`, 'frontend c\n  bind 192.0.2.81:80\n');
  proc(1000, 1, ['haproxy', '-Ws', '-f', '/etc/haproxy/haproxy.cfg'], hostRoot);
  proc(1001, 1000, ['haproxy', '-Ws', '-f', '/etc/haproxy/haproxy.cfg'], hostRoot);
  proc(1100, 1099, ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], containerRoot);
  const [lb] = await lbsOf([{ program: 'haproxy', pids: [1000, 1001, 1100] }]);
  expect(lb?.configProblem).toBeNull();
  expect(lb?.configFiles).toEqual([
    '/etc/haproxy/haproxy.cfg',
    '/usr/local/etc/haproxy/haproxy.cfg',
  ]);
  expect(lb?.vips?.map((v) => v.address)).toEqual(['192.0.2.80', '192.0.2.81']);
});
