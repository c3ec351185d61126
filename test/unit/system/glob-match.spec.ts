import { test, expect } from '@playwright/test';
import { globMatch } from '../../../electron/system/glob-match';

test('glob components match as glob(3) does for * and ?', () => {
  const cases: [string, string, boolean][] = [
    ['*.conf', 'a.conf', true],
    ['*.conf', '.conf', true],
    ['*.conf', 'a.cfg', false],
    ['sites-*', 'sites-enabled', true],
    ['sites-*', 'site', false],
    ['?.conf', 'a.conf', true],
    ['?.conf', 'ab.conf', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['[ab].conf', '[ab].conf', true],
  ];
  for (const [pattern, name, expected] of cases) {
    expect(globMatch(pattern, name), `${pattern} vs ${name}`).toBe(expected);
  }
});

test('many stars cost linear time, not exponential', () => {
  const pattern = `${'*a'.repeat(10)}*x`;
  const name = 'a'.repeat(5000);
  const start = performance.now();
  expect(globMatch(pattern, name)).toBe(false);
  // A backtracking regular expression needs minutes here; the greedy match needs microseconds.
  expect(performance.now() - start).toBeLessThan(200);
});
