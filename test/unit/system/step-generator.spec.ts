import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { privilegedScript } from '../../../electron/system/privileged-script';
import {
  SETTINGS,
  type Catalogue,
  type SettingDefinition,
} from '../../../electron/system/settings';
import { checkContentChange } from '../../../electron/system/step-content-rule';
import { integerRangeEre } from '../../../electron/system/step/value-range';
import { FORWARD } from '../../support/third-setting';

// The step is generated from the catalogue (issue 21): ranges, keys and paths come from its
// entries, and an entry the generator cannot splice safely is refused, not quoted.

test('a range ERE matches exactly the numbers in it, without leading zeros', () => {
  for (const [min, max] of [
    [0, 255],
    [0, 1],
    [5, 5],
    [3, 17],
    [10, 99],
    [100, 1000],
    [7, 12345],
  ] as const) {
    const re = new RegExp(`^${integerRangeEre(min, max)}$`);
    const wrong: string[] = [];
    for (let n = 0; n <= max + 100; n += 1)
      if (re.test(String(n)) !== (n >= min && n <= max)) wrong.push(String(n));
    for (const s of ['01', '00', '-1', '', '1.0', '0x1', ' 1', '1e2'])
      if (re.test(s)) wrong.push(s);
    expect(wrong, `${min}-${max}`).toEqual([]);
  }
  const int = new RegExp(`^${integerRangeEre(0, 2147483647)}$`);
  expect(int.test('2147483647')).toBe(true);
  expect(int.test('2147483648')).toBe(false);
  expect(int.test('999999999')).toBe(true);
});

test('each key is checked against its own range', () => {
  const third: Catalogue = [...SETTINGS, FORWARD];
  expect(checkContentChange(null, 'net.ipv4.ip_forward = 1\n', third)).toEqual({ ok: true });
  expect(checkContentChange(null, 'net.ipv4.ip_forward = 2\n', third)).toMatchObject({
    ok: false,
    error: { code: 'content-value-out-of-range' },
  });
  expect(checkContentChange(null, 'net/ipv4/ip_nonlocal_bind = 255\n', third)).toEqual({
    ok: true,
  });
  // Without the entry the key is someone else's line.
  expect(checkContentChange(null, 'net.ipv4.ip_forward = 1\n')).toMatchObject({
    ok: false,
    error: { code: 'content-outside-settings' },
  });
});

test('the generated script is valid sh for any catalogue, and names every key of it', () => {
  for (const catalogue of [SETTINGS, [...SETTINGS, FORWARD], [FORWARD], []]) {
    const script = privilegedScript(catalogue);
    const parsed = spawnSync('sh', ['-n'], { input: script, encoding: 'utf8' });
    expect(parsed.status, parsed.stderr).toBe(0);
    for (const s of catalogue) expect(script).toContain(`${s.key}=[01])`);
  }
  expect(privilegedScript(SETTINGS)).not.toContain('ip_forward');
});

test('an entry the step cannot splice safely is refused by the generator', () => {
  const bad = (change: Partial<SettingDefinition>) => () =>
    privilegedScript([{ ...FORWARD, ...change }]);
  expect(bad({ key: 'net.ipv4.ip_forward;reboot' })).toThrow();
  expect(bad({ key: 'net.ipv4.*' })).toThrow();
  expect(bad({ procPath: '/proc/sys/../../etc/shadow' })).toThrow();
  expect(bad({ procPath: '/etc/passwd' })).toThrow();
  expect(bad({ range: { min: -1, max: 1 } })).toThrow();
  expect(() => privilegedScript([FORWARD, FORWARD])).toThrow();
});
