import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import {
  DEFAULT_SERVICE_LIMITS,
  readNamespaceServices,
} from '../../electron/system/netns/namespace-services';
import { fakeRootsPerTest, listingOf, slowReader } from './netns-fake-roots';

/**
 * Load balancers' VIPs read inside a container's root, as the listing does, against real
 * files in fake roots (netns-fake-roots.ts): the walk, the parsers and the budget are the
 * real ones. Which file each program reads, what each VIP needs there, hostile files and
 * arguments, and a read that never answers.
 */

const fake = fakeRootsPerTest();
const { write, proc, lbsOf } = fake;

test('HAProxy: its -f file inside its root, each VIP checked against that namespace', async () => {
  const root = `${fake.base}/c1`;
  write(
    `${root}/usr/local/etc/haproxy/haproxy.cfg`,
    [
      'frontend web',
      '  bind 192.0.2.10:443,192.0.2.2:80',
      '  bind 198.51.100.7:8080',
      '  bind *:81',
      '  bind 127.0.0.5:82',
      '  bind [2001:db8::1]:83',
      '  bind [2001:db8::99]:84',
      '  bind ipv6@:::85',
      '',
    ].join('\n'),
  );
  // The host's default path exists too: it is not the one read.
  write(`${root}/etc/haproxy/haproxy.cfg`, 'frontend x\n  bind 203.0.113.1:1\n');
  proc(100, 1, ['haproxy', '-W', '-db', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], root);
  proc(101, 100, ['haproxy', '-W', '-db', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], root);
  const [lb] = await lbsOf([{ program: 'haproxy', pids: [101, 100] }]);
  expect(lb?.configProblem).toBeNull();
  expect(lb?.configFiles).toEqual(['/usr/local/etc/haproxy/haproxy.cfg']);
  const vips = (lb?.vips ?? []).map((v) => [v.address, v.port, v.assignedThere, v.needs]);
  expect(vips).toEqual([
    ['192.0.2.10', 443, false, 'ipv4'],
    ['192.0.2.2', 80, true, null],
    ['198.51.100.7', 8080, true, null],
    ['*', 81, false, null],
    ['127.0.0.5', 82, true, null],
    ['2001:db8::1', 83, true, null],
    // Its duplicate address detection failed: not usable there.
    ['2001:db8::99', 84, false, 'ipv6'],
    ['::', 85, false, null],
  ]);
  expect(lb?.vips?.[0]).toMatchObject({ file: '/usr/local/etc/haproxy/haproxy.cfg', line: 2 });
});

test('HAProxy -f DIRECTORY reads its *.cfg files in name order; no -f: the default path', async () => {
  const root = `${fake.base}/c2`;
  write(`${root}/etc/hap.d/20-b.cfg`, 'frontend b\n  bind 192.0.2.21:80\n');
  write(`${root}/etc/hap.d/10-a.cfg`, 'frontend a\n  bind 192.0.2.20:80\n');
  write(`${root}/etc/hap.d/notes.txt`, 'bind 192.0.2.99:80\n');
  write(`${root}/etc/haproxy/haproxy.cfg`, 'frontend d\n  bind 192.0.2.30:80\n');
  proc(200, 1, ['/usr/sbin/haproxy', '-f', '/etc/hap.d', '-db'], root);
  proc(201, 1, ['/usr/sbin/haproxy', '-db'], root);
  const [dir, plain] = await lbsOf([
    { program: 'haproxy', pids: [200] },
    { program: 'haproxy', pids: [201] },
  ]);
  expect(dir?.configFiles).toEqual(['/etc/hap.d/10-a.cfg', '/etc/hap.d/20-b.cfg']);
  expect(dir?.vips?.map((v) => v.address)).toEqual(['192.0.2.20', '192.0.2.21']);
  expect(plain?.configFiles).toEqual(['/etc/haproxy/haproxy.cfg']);
});

test('nginx: the master found by its parent, -c from its rewritten command line, includes inside the root', async () => {
  const root = `${fake.base}/c3`;
  write(
    `${root}/srv/nginx.conf`,
    'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n  include loop.conf;\n}\n',
  );
  write(`${root}/etc/nginx/conf.d/a.conf`, 'server { listen 192.0.2.40:8443 ssl; }\n');
  write(`${root}/etc/nginx/conf.d/.hidden.conf`, 'server { listen 192.0.2.41; }\n');
  // Includes that loop are read once each.
  write(
    `${root}/etc/nginx/loop.conf`,
    'include /etc/nginx/loop.conf;\nserver { listen [::]:80; }\n',
  );
  proc(300, 1, ['nginx: master process /usr/sbin/nginx -c /srv/nginx.conf -g daemon off;'], root);
  proc(301, 300, ['nginx: worker process'], root);
  const [lb] = await lbsOf([{ program: 'nginx', pids: [301, 300] }]);
  expect(lb?.configProblem).toBeNull();
  expect(lb?.configFiles).toEqual([
    '/srv/nginx.conf',
    '/etc/nginx/conf.d/a.conf',
    '/etc/nginx/loop.conf',
  ]);
  expect(lb?.vips?.map((v) => [v.address, v.port, v.needs])).toEqual([
    ['192.0.2.40', 8443, 'ipv4'],
    ['::', 80, null],
  ]);
});

test('Keepalived --use-file=; envoy is not parsed', async () => {
  const root = `${fake.base}/c4`;
  write(
    `${root}/cfg/ka.conf`,
    'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    192.0.2.50/24 dev eth0\n  }\n}\n',
  );
  proc(400, 1, ['/usr/sbin/keepalived', '--dont-fork', '--use-file=/cfg/ka.conf'], root);
  proc(401, 1, ['envoy', '-c', '/etc/envoy/envoy.yaml'], root);
  const [ka, envoy] = await lbsOf([
    { program: 'keepalived', pids: [400] },
    { program: 'envoy', pids: [401] },
  ]);
  expect(ka?.vips?.map((v) => [v.address, v.port, v.needs])).toEqual([
    ['192.0.2.50', null, 'ipv4'],
  ]);
  expect(envoy).toMatchObject({
    vips: [],
    configProblem: { code: 'unparsable', file: null, reason: 'not-parsed' },
  });
});

test('hostile: a link to a host file, a FIFO, a huge file, bad arguments, a gone process', async () => {
  const root = `${fake.base}/c5`;
  const host = `${fake.base}/host-only.cfg`;
  write(host, 'frontend h\n  bind 203.0.113.66:1\n');
  fs.mkdirSync(`${root}/etc/haproxy`, { recursive: true });
  fs.symlinkSync(host, `${root}/etc/haproxy/haproxy.cfg`);
  execFileSync('mkfifo', [`${root}/etc/haproxy/fifo.cfg`]);
  const huge = fs.openSync(`${root}/etc/haproxy/huge.cfg`, 'w');
  fs.ftruncateSync(huge, 300 * 1024 * 1024);
  fs.closeSync(huge);
  write(`${root}/etc/haproxy/junk.cfg`, 'bind not-an-address:1\nbind unix@/x\n');
  proc(500, 1, ['haproxy', '-f', '/etc/haproxy/haproxy.cfg'], root);
  proc(501, 1, ['haproxy', '-f', '/etc/haproxy/fifo.cfg'], root);
  proc(502, 1, ['haproxy', '-f', '/etc/haproxy/huge.cfg'], root);
  proc(503, 1, ['haproxy', '-f', 'relative.cfg'], root);
  proc(504, 1, ['haproxy', '-f', '/etc/\u001b[2Jx.cfg'], root);
  proc(505, 1, ['haproxy', '-f', '/etc/haproxy/junk.cfg'], root);
  const started = performance.now();
  const lbs = await lbsOf(
    [500, 501, 502, 503, 504, 505, 999].map((pid) => ({
      program: 'haproxy' as const,
      pids: [pid],
    })),
  );
  expect(lbs.map((lb) => [lb.configProblem?.code, lb.configProblem?.reason])).toEqual([
    ['not-found', 'ENOENT'],
    ['unreadable', 'not-regular'],
    ['too-large', 'EFBIG'],
    ['not-found', 'relative-path'],
    ['unreadable', 'bad-argument'],
    ['unparsable', undefined],
    ['not-found', 'ENOENT'],
  ]);
  // The host's file was never read: no address of it anywhere.
  expect(JSON.stringify(lbs)).not.toContain('203.0.113.66');
  expect(performance.now() - started).toBeLessThan(5_000);
});

test('a read that never answers ends at the time budget, and the rest say timeout', async () => {
  const root = `${fake.base}/c6`;
  write(`${root}/etc/haproxy/haproxy.cfg`, 'frontend a\n  bind 192.0.2.60:80\n');
  proc(600, 1, ['haproxy'], root);
  proc(601, 1, ['haproxy'], root);
  const limits = {
    ...DEFAULT_SERVICE_LIMITS,
    budget: { ...DEFAULT_SERVICE_LIMITS.budget, time: 200 },
    timeLimitMs: 300,
  };
  const started = performance.now();
  const answered = await readNamespaceServices(
    listingOf([
      { program: 'haproxy', pids: [600] },
      { program: 'haproxy', pids: [601] },
    ]),
    slowReader(fake.reader),
    undefined,
    limits,
  );
  const lbs = answered.namespaces[0]?.loadBalancers ?? [];
  expect(lbs.map((lb) => lb.configProblem?.code)).toEqual(['timeout', 'timeout']);
  // The time limit plus scheduling, never the reads' (endless) time.
  expect(performance.now() - started).toBeLessThan(300 + 2_000);
});
