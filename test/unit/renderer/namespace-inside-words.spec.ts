import { expect, test } from '@playwright/test';
import type { NamespaceVip, WillFailFinding } from '../../../electron/contract';
import {
  attentionWords,
  configProblemWords,
  findingWords,
  insideValueWords,
  lastingWords,
  lookInsideWords,
  notKeptWords,
  readDoneWords,
  readProblemWords,
  vipsWords,
} from '../../../renderer/src/words/namespace-inside-words';

/** Reading, changing and binding inside other namespaces, in words: every variant once. */

const finding = (extra: Partial<WillFailFinding> = {}): WillFailFinding => ({
  inode: 4026532601,
  program: 'haproxy',
  pid: 24853,
  address: '192.0.2.10',
  setting: 'ipv4',
  value: 'off',
  container: { name: 'web-lb', shortId: 'a1b2c3d4e5f6' },
  ...extra,
});

const vip = (extra: Partial<NamespaceVip> = {}): NamespaceVip => ({
  address: '192.0.2.10',
  port: 80,
  family: 'IPv4',
  file: '/etc/haproxy/haproxy.cfg',
  line: 12,
  assignedThere: false,
  needs: 'ipv4',
  ...extra,
});

test('the button says how many and whether it asks; the result how long one run took', () => {
  expect(lookInsideWords(3, true)).toBe('Look inside 3 namespaces (asks for your password once)');
  expect(lookInsideWords(1, false)).toBe('Look inside 1 namespace');
  expect(readDoneWords(2, 41.4)).toBe(
    'Read inside 2 namespaces in 41 ms, with one run of the step.',
  );
  expect(readDoneWords(70, 88, 2)).toBe(
    'Read inside 70 namespaces in 88 ms, with 2 runs of the step.',
  );
});

test('values as read inside, and why a namespace was not read', () => {
  expect(insideValueWords({ kind: 'value', value: 1 })).toBe('On');
  expect(insideValueWords({ kind: 'value', value: 0 })).toBe('Off');
  expect(insideValueWords({ kind: 'unexpected', raw: '2\n' })).toBe(
    '“2” (not 0 or 1; any other number turns it on)',
  );
  expect(insideValueWords({ kind: 'unavailable', reason: 'ipv6-absent', detail: '' })).toBe(
    'Not available (no IPv6 there)',
  );
  expect(insideValueWords({ kind: 'unavailable', reason: 'read-error', detail: 'EIO' })).toBe(
    'Cannot read',
  );
  expect(readProblemWords('gone')).toMatch(/^Nothing was read or changed: its processes ended/);
  expect(readProblemWords('changed')).toMatch(/a pid was reused or a name re-pointed/);
  expect(readProblemWords('cannot-enter')).toMatch(/the kernel refused to enter it/);
});

test('survives a restart? from the container’s own configuration, never claimed otherwise', () => {
  expect(
    lastingWords(
      { kind: 'container-config', keys: { 'net.ipv4.ip_nonlocal_bind': '1' } },
      'container',
    ),
  ).toBe(
    'Survives a restart? Yes for what its own configuration sets (net.ipv4.ip_nonlocal_bind=1): the engine sets it again each time it creates the container.',
  );
  expect(lastingWords({ kind: 'resets-on-restart' }, 'named')).toBe(
    'Survives a restart? No: nothing sets it when it is deleted or this computer restarts, so it starts again with the settings off.',
  );
  expect(lastingWords({ kind: 'resets-on-restart' }, 'process-held')).toMatch(/when it ends/);
  expect(lastingWords({ kind: 'unknown' }, 'kubernetes')).toBe(
    'Survives a restart? Unknown: its configuration could not be read.',
  );
  for (const kind of ['container', 'kubernetes', 'named', 'process-held'] as const)
    expect(notKeptWords(kind)).toMatch(/^For now only: this does NOT last\./);
  expect(notKeptWords('own')).toBe('The switches on “This computer” change this one.');
});

test('VIPs and configuration problems', () => {
  expect(vipsWords([])).toBe('its configuration binds no address');
  expect(
    vipsWords([
      vip(),
      vip({ address: '2001:db8::10', family: 'IPv6', port: null, needs: 'ipv6' }),
      vip({ address: '0.0.0.0', port: 8404, needs: null, file: '/etc/haproxy/stats.cfg' }),
    ]),
  ).toBe(
    'binds 192.0.2.10:80 (not held there), [2001:db8::10] (not held there), 0.0.0.0:8404, from /etc/haproxy/haproxy.cfg, /etc/haproxy/stats.cfg',
  );
  expect(configProblemWords('unreadable', '/etc/nginx/nginx.conf')).toBe(
    '/etc/nginx/nginx.conf could not be read, so its addresses are not known.',
  );
  expect(configProblemWords('not-found', null)).toMatch(/^Its configuration was not found/);
  expect(configProblemWords('too-large', 'a.cfg')).toMatch(/^a\.cfg is larger than the app reads/);
  expect(configProblemWords('timeout', null)).toMatch(/^Reading its configuration took too long/);
  expect(configProblemWords('unparsable', 'b.cfg')).toMatch(/^b\.cfg could not be understood/);
  // Envoy: not read at all, which is no failure of the file.
  expect(configProblemWords('unparsable', null, 'not-parsed')).toBe(
    'The app does not read its configuration, so its addresses are not known.',
  );
});

test('the issue’s sentence, and the main page’s once known', () => {
  expect(findingWords(finding())).toBe(
    'haproxy in container web-lb (a1b2c3d4e5f6) binds 192.0.2.10, and IPv4 non-local bind is off in its network: it will fail to start.',
  );
  expect(
    findingWords(finding({ value: 'unknown', setting: 'ipv6', address: '2001:db8::10' })),
  ).toBe(
    'haproxy in container web-lb (a1b2c3d4e5f6) binds 2001:db8::10, which its network does not hold: it needs IPv6 non-local bind on there. Look inside to see whether it is.',
  );
  expect(findingWords(finding({ container: null, program: 'nginx', pid: 812 }))).toMatch(
    /^nginx \(pid 812\) binds 192\.0\.2\.10/,
  );
  expect(findingWords(finding({ container: { name: null, shortId: 'abc' } }))).toMatch(
    /^haproxy in container \(abc\) binds/,
  );
  expect(attentionWords([])).toBeNull();
  expect(attentionWords([finding({ value: 'unknown' })])).toBe(
    'A load balancer there binds an address its network does not hold: look inside to see whether it can start.',
  );
  expect(
    attentionWords([
      finding(),
      finding({ setting: 'ipv6' }),
      finding({ inode: 4026532999, program: 'nginx', value: 'off' }),
    ]),
  ).toBe(
    'Needs attention: haproxy and nginx will fail to start in 2 of them, with the setting off there.',
  );
});
