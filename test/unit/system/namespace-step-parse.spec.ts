import { test, expect } from '@playwright/test';
import type { BindTarget } from '../../../electron/system/bind-test';
import {
  bindArgs,
  readArgs,
  refToken,
  setArgs,
} from '../../../electron/system/netns/namespace-step-args';
import {
  MAX_NAMESPACE_OUTPUT_BYTES,
  parseBindOutput,
  parseReadOutput,
  parseSetOutput,
} from '../../../electron/system/netns/namespace-step-parse';
import { assertSafeTokens } from '../../../electron/system/privileged-step';
import { SETTINGS } from '../../../electron/system/settings';

// The step's namespace answers are read as hostile text: only the exact lines the step
// prints, for the namespaces asked, in order, count; anything else is no answer at all.

const K4 = 'net.ipv4.ip_nonlocal_bind';
const K6 = 'net.ipv6.ip_nonlocal_bind';
const INODES = [4026532001, 4026532002];
const GOOD = `nonlocal-bind: ns 1 4026532001 ok ${K4}=1 ${K6}=absent\nnonlocal-bind: ns 2 4026532002 gone\nnonlocal-bind: ns-read 2\n`;

test('a well-formed read answer gives each namespace its values or its problem', () => {
  expect(parseReadOutput(GOOD, INODES, SETTINGS)).toEqual([
    {
      inode: 4026532001,
      ok: true,
      values: {
        ipv4: { kind: 'value', value: 1 },
        ipv6: {
          kind: 'unavailable',
          reason: 'ipv6-absent',
          detail: '/proc/sys/net/ipv6/ip_nonlocal_bind',
        },
      },
    },
    { inode: 4026532002, ok: false, problem: 'gone' },
  ]);
  const odd = `nonlocal-bind: ns 1 4026532001 ok ${K6}=7 ${K4}=unexpected\nnonlocal-bind: ns 2 4026532002 cannot-enter\nnonlocal-bind: ns-read 2\n`;
  expect(parseReadOutput(odd, INODES, SETTINGS)?.[0]).toEqual({
    inode: 4026532001,
    ok: true,
    values: { ipv4: { kind: 'unexpected', raw: '' }, ipv6: { kind: 'unexpected', raw: '7' } },
  });
});

test('every hostile variation of a read answer is refused whole', () => {
  const variants: Record<string, string> = {
    'no trailer': GOOD.replace('nonlocal-bind: ns-read 2\n', ''),
    'trailer miscounts': GOOD.replace('ns-read 2', 'ns-read 3'),
    'no final newline': GOOD.slice(0, -1),
    'a line before': `hello\n${GOOD}`,
    'a line after': `${GOOD}extra\n`,
    'order swapped': GOOD.replace('ns 1 ', 'ns X ')
      .replace('ns 2 ', 'ns 1 ')
      .replace('ns X ', 'ns 2 '),
    'another inode': GOOD.replace('4026532002 gone', '4026532003 gone'),
    'leading zero inode': GOOD.replace('4026532002 gone', '04026532002 gone'),
    'unknown problem': GOOD.replace('gone', 'vanished'),
    'key twice': GOOD.replace(`${K6}=absent`, `${K4}=absent`),
    'foreign key': GOOD.replace(`${K6}=absent`, `kernel.modprobe=1`),
    'key missing': GOOD.replace(` ${K6}=absent`, ''),
    'extra key': GOOD.replace(`${K6}=absent`, `${K6}=absent net.ipv4.ip_forward=1`),
    'junk value': GOOD.replace(`${K4}=1`, `${K4}=1;rm`),
    'negative value': GOOD.replace(`${K4}=1`, `${K4}=-1`),
    'long value': GOOD.replace(`${K4}=1`, `${K4}=12345678901`),
    'empty value': GOOD.replace(`${K4}=1`, `${K4}=`),
    'double space': GOOD.replace(' ok ', ' ok  '),
    'trailing space': GOOD.replace('=absent', '=absent '),
    'carriage return': GOOD.replace('gone', 'gone\r'),
    'ok without values': GOOD.replace(` ${K4}=1 ${K6}=absent`, ''),
    oversize: GOOD + `${'x'.repeat(MAX_NAMESPACE_OUTPUT_BYTES)}\n`,
  };
  const accepted = Object.entries(variants)
    .filter(([, text]) => parseReadOutput(text, INODES, SETTINGS) !== null)
    .map(([name]) => name);
  expect(accepted).toEqual([]);
});

test('a set answer: the read-back, a problem, or own (only alone)', () => {
  const ok = `nonlocal-bind: ns 1 4026532001 ok ${K4}=1 ${K6}=0\nnonlocal-bind: ns-set 1\n`;
  expect(parseSetOutput(ok, 4026532001, SETTINGS)).toMatchObject({ ok: true });
  expect(parseSetOutput('nonlocal-bind: ns 1 4026532001 own\n', 4026532001, SETTINGS)).toBe('own');
  expect(parseSetOutput('nonlocal-bind: ns 1 4026532001 changed\n', 4026532001, SETTINGS)).toEqual({
    inode: 4026532001,
    ok: false,
    problem: 'changed',
  });
  for (const bad of [
    '',
    'nonlocal-bind: ns 1 4026532001 own\nnonlocal-bind: ns-set 1\n',
    'nonlocal-bind: ns 1 4026532001 gone\nnonlocal-bind: ns-set 1\n',
    ok.replace('ns 1 ', 'ns 2 '),
    ok.replace('4026532001', '4026532009'),
    `${ok}nonlocal-bind: ns-set 1\n`,
    ok.replace('ns-set 1', 'ns-set 2'),
  ])
    expect(parseSetOutput(bad, 4026532001, SETTINGS), bad).toBeNull();
});

const T = (address: string): BindTarget => ({
  address,
  port: 80,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
});

test('a bind answer: one RESULT per address sent, in order, from the program named', () => {
  const targets = [T('192.0.2.1'), T('2001:db8::1')];
  const ok =
    'nonlocal-bind: ns 1 7 ok\nPROGRAM perl\nRESULT 192.0.2.1 not-local\nRESULT 2001:db8::1 error Permission denied \nnonlocal-bind: ns-bind 1\n';
  const parsed = parseBindOutput(ok, 7, targets);
  expect(parsed).toMatchObject({
    kind: 'results',
    results: [
      { address: '192.0.2.1', port: 0, outcome: 'not-local', via: 'perl', detail: '' },
      {
        address: '2001:db8::1',
        outcome: 'error',
        detail: 'Permission denied',
        assignedLocally: null,
      },
    ],
  });
  expect(
    parseBindOutput(
      'nonlocal-bind: ns 1 7 ok\nPROGRAM none\nnonlocal-bind: ns-bind 1\n',
      7,
      targets,
    ),
  ).toMatchObject({
    kind: 'results',
    results: [{ outcome: 'no-program', via: null }, { outcome: 'no-program' }],
  });
  expect(parseBindOutput('nonlocal-bind: ns 1 7 gone\n', 7, targets)).toEqual({
    kind: 'problem',
    problem: 'gone',
  });
  for (const bad of [
    ok.replace('RESULT 192.0.2.1', 'RESULT 192.0.2.9'),
    ok.replace('PROGRAM perl', 'PROGRAM sh'),
    ok.replace('nonlocal-bind: ns-bind 1\n', ''),
    ok.replace('not-local', 'maybe'),
    ok.replace('ns 1 7 ok', 'ns 1 8 ok'),
    ok.replace('RESULT 192.0.2.1 not-local\n', ''),
    ok.replace('not-local\n', 'not-local\nRESULT 192.0.2.1 works\n'),
    ok.replace('Permission denied', 'x'.repeat(400)),
    'nonlocal-bind: ns 1 7 gone\nPROGRAM perl\n',
  ])
    expect(parseBindOutput(bad, 7, targets), bad).toBeNull();
});

test('arguments: every token is one the elevation paths pass, IPv6 without ":", and bad input is refused', () => {
  const pid = { via: 'pid', pid: 4194304, inode: 4026531840 } as const;
  const named = { via: 'name', name: 'cni-1f2e.a_b-C', inode: 4026531841 } as const;
  const read = readArgs([pid, named]);
  expect(read).toEqual({
    ok: true,
    args: ['v2', '--', 'ns-read', 'pid/4194304/4026531840', 'name/cni-1f2e.a_b-C/4026531841'],
  });
  const set = setArgs(named, { ipv6: 1, ipv4: 0 }, SETTINGS);
  expect(set).toEqual({
    ok: true,
    args: ['v2', `${K6}=1`, `${K4}=0`, '--', 'ns-set', 'name/cni-1f2e.a_b-C/4026531841'],
  });
  const bind = bindArgs(pid, [T('::ffff:192.0.2.1'), T('2001:DB8::1'), T('0.0.0.0')]);
  expect(bind).toEqual({
    ok: true,
    args: [
      'v2',
      '--',
      'ns-bind',
      'pid/4194304/4026531840',
      '--ffff-192.0.2.1',
      '2001-DB8--1',
      '0.0.0.0',
    ],
  });
  for (const r of [read, set, bind]) expect(() => r.ok && assertSafeTokens(r.args)).not.toThrow();
  for (const name of ['', '.', '..', '.hidden', 'a/b', 'a b', 'a:b', 'ä', 'a\n', 'x'.repeat(256)])
    expect(refToken({ via: 'name', name, inode: 1 }), name).toBeNull();
  for (const n of [0, -1, 1.5, 12345678, Number.NaN])
    expect(refToken({ via: 'pid', pid: n, inode: 1 })).toBeNull();
  expect(setArgs(pid, { ipv4: 2 as 1 }, SETTINGS)).toMatchObject({
    ok: false,
    problem: { problem: 'invalid-value' },
  });
  expect(bindArgs(pid, [T('fe80::1%eth0')])).toMatchObject({ ok: false });
});
