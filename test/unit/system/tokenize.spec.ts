import { test, expect } from '@playwright/test';
import { bytesToText } from '../../../electron/system/engines/byte-text';
import { fnmatchComponent } from '../../../electron/system/engines/fnmatch';
import {
  keyComponents,
  procpsGlobMatch,
  procpsNamesKey,
  procpsPath,
  systemdNormalize,
} from '../../../electron/system/engines/key-path';
import { tokenizeSysctl } from '../../../electron/system/engines/tokenize';

const tokens = (text: string) => tokenizeSysctl(bytesToText(Buffer.from(text, 'latin1')));
const brief = (st: { kind: string; key: string; value: string | null; line: number }) =>
  `${st.line}:${st.kind === 'negation' ? '-' : ''}${JSON.stringify(st.key)}=${JSON.stringify(st.value)}`;

test('one tokenizer, two readings: where the engines split lines differently, both are returned', () => {
  const t = tokens('a = 1\rb = 2\n# c\0d = 3\n\fe = 4\n- f = 5\n-g\n');
  expect(t.systemd.map(brief)).toEqual([
    '1:"a"="1"',
    '1:"b"="2"',
    '2:"d"="3"',
    '3:"\\fe"="4"',
    '4:"f"="5"',
    '5:-"g"=null',
  ]);
  expect(t.procps.map(brief)).toEqual([
    '1:"a"="1\\rb = 2"',
    '3:"e"="4"',
    '4:" f"="5"',
    '5:-"g"=null',
  ]);
});

test('line numbers count "\\n" only, as an editor shows them; CRLF and "\\n\\r" are one line end for systemd', () => {
  const t = tokens('a = 1\r\nb = 2\n\rc = 3\n');
  expect(t.systemd.map(brief)).toEqual(['1:"a"="1"', '2:"b"="2"', '3:"c"="3"']);
  expect(t.procps.map(brief)).toEqual(['1:"a"="1"', '2:"b"="2"', '3:"c"="3"']);
});

test('systemd stops at a line of 1 MiB; one byte less is read', () => {
  expect(tokens(`a = 1\n${'x'.repeat(1024 * 1024)}\nb = 2\n`).systemdStop).toEqual({
    line: 2,
    offset: 6,
  });
  expect(tokens(`a = 1\n${'x'.repeat(1024 * 1024 - 1)}\nb = 2\n`).systemdStop).toBeNull();
});

test('key paths: systemd normalises (and simplifies), procps keeps the text', () => {
  expect(systemdNormalize('net.ipv4..ip_nonlocal_bind.')).toBe('net/ipv4/ip_nonlocal_bind');
  expect(systemdNormalize('/net/ipv4/ip_nonlocal_bind')).toBe('net/ipv4/ip_nonlocal_bind');
  expect(systemdNormalize('net/./ipv4//ip_nonlocal_bind/')).toBe('net/ipv4/ip_nonlocal_bind');
  expect(systemdNormalize('net.ipv4/x.y')).toBe('net/ipv4.x/y');
  expect(procpsPath('-net.ipv4..ip_nonlocal_bind')).toBe('/proc/sys/net/ipv4//ip_nonlocal_bind');
  const key = keyComponents('net.ipv4.ip_nonlocal_bind');
  expect(procpsNamesKey('/proc/sys/net/ipv4//ip_nonlocal_bind', key)).toBe(true);
  expect(procpsNamesKey('/proc/sys/net/ipv6/../ipv4/ip_nonlocal_bind', key)).toBe(true);
  expect(procpsNamesKey('/proc/sys/net/ipv4/ip_nonlocal_bind/', key)).toBe(false);
  expect(procpsGlobMatch('/proc/sys/net//ipv4/ip_nonlocal_*', key)).toBe(
    '/proc/sys/net//ipv4/ip_nonlocal_bind',
  );
  expect(procpsGlobMatch('/proc/sys/net/ipv4/ip_nonlocal_*/', key)).toBeNull();
});

test('fnmatch for one component: *, ?, sets, ranges, negation, quoting, leading dot', () => {
  const cases: [string, string, boolean][] = [
    ['ip_nonlocal_*', 'ip_nonlocal_bind', true],
    ['ipv?', 'ipv4', true],
    ['ipv[46]', 'ipv6', true],
    ['ipv[!6]', 'ipv6', false],
    ['ipv[^6]', 'ipv4', true],
    ['ip_nonlocal_bin[a-e]', 'ip_nonlocal_bind', true],
    ['ipv[[:digit:]]', 'ipv4', true],
    ['ip\\*', 'ip*', true],
    ['ip\\*', 'ipv4', false],
    ['ipv[4', 'ipv[4', true],
    ['*', '.hidden', false],
    ['*a*b*c', 'xaybzc', true],
    ['*a*b*c', 'xaybzcd', false],
  ];
  for (const [pattern, name, expected] of cases)
    expect(fnmatchComponent(pattern, name), `${pattern} ~ ${name}`).toBe(expected);
});
