import { test, expect } from '@playwright/test';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { i18n } from '../../../scripts/i18n/test-i18n.ts';
import { PSEUDO_LONG_FACTOR, pseudoLong, pseudoRtl } from '../../../scripts/i18n/pseudo-text.ts';
import { catalogMessages, compileMessages } from '../../../scripts/i18n/catalog-source.ts';
import {
  chooseRegionalFormats,
  formatList,
  formatNumber,
  formatTime,
} from '../../../renderer/src/i18n/format';

// The pseudo-locales keep every placeholder, plural and element and only change text;
// numbers, times and lists follow the active language.

test.afterEach(() => {
  i18n.activate('en');
});

test('pseudo-long is ~40% longer, accented, with placeholders, plurals and elements intact', async () => {
  const message = 'Read <0>{path}</0> now: {count, plural, one {# file} other {# files}} in {dir}.';
  const compiled = compileMessageOrThrow(message, pseudoLong);
  i18n.load('en', { probe: compiled });
  const text = i18n._('probe', { path: '/etc/x.conf', count: 2, dir: '/etc' });
  expect(text).toContain('<0>/etc/x.conf</0>');
  expect(text).toContain('2 ƒîîļéé');
  expect(text).toContain('/etc');
  // No plain English word is left once the values are taken out.
  expect(text.replace('/etc/x.conf', '').replace('/etc', '')).not.toMatch(/[a-z]{2}/);

  // Over the whole English catalog, the text grows by the factor.
  const english = await catalogMessages('en');
  const texts = Object.values(english);
  const long = texts.map((m) => compileMessageOrThrow(m, pseudoLong));
  expect(Object.keys(compileMessages(english, pseudoLong))).toHaveLength(texts.length);
  const length = (tokens: unknown): number =>
    Array.isArray(tokens)
      ? tokens.reduce<number>((sum, t) => sum + (typeof t === 'string' ? t.length : 0), 0)
      : 0;
  const before = texts.map((m) => length(compileMessageOrThrow(m))).reduce((a, b) => a + b, 0);
  const after = long.map(length).reduce((a, b) => a + b, 0);
  expect(after / before).toBeGreaterThanOrEqual(PSEUDO_LONG_FACTOR - 0.05);
});

test('pseudo-rtl overrides the direction of each text run and leaves values outside it', () => {
  const compiled = compileMessageOrThrow('Write {path} now', pseudoRtl);
  expect(compiled).toEqual(['\u202EWrite \u202C', ['path'], '\u202E now\u202C']);
  expect(pseudoRtl('<0>')).toBe('<0>');
});

test('numbers, times and lists in the active language', () => {
  const at = new Date(2026, 0, 2, 14, 3, 22);
  expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
  expect(formatNumber(12345.5)).toBe('12,345.5');
  expect(formatTime(at)).toBe('02:03:22 PM');
  i18n.load('de', {});
  i18n.activate('de');
  expect(formatList(['a', 'b', 'c'])).toBe('a, b und c');
  expect(formatList(['a', 'b'], { type: 'disjunction' })).toBe('a oder b');
  expect(formatNumber(12345.5)).toBe('12.345,5');
  expect(formatTime(at)).toBe('14:03:22');
});

test("times and numbers follow the user's region within the shown language", () => {
  const at = new Date(2026, 0, 2, 14, 3, 22);
  i18n.load('en', {});
  i18n.activate('en');
  chooseRegionalFormats(['en-GB', 'de']);
  expect(formatTime(at)).toBe('14:03:22');
  chooseRegionalFormats(['de-CH', 'en-US']);
  expect(formatTime(at), 'a region of another language is not used').toBe('02:03:22 PM');
  chooseRegionalFormats(['en-<script>', 'en-US']);
  expect(formatTime(at), 'a tag Intl refuses is skipped').toBe('02:03:22 PM');
  chooseRegionalFormats(['en-a', 'en-GB']);
  expect(formatTime(at), 'a well-formed tag Intl refuses is skipped').toBe('14:03:22');
  chooseRegionalFormats(['en_GB.UTF-8']);
  expect(formatTime(at), 'a gettext-style locale names its region').toBe('14:03:22');
  chooseRegionalFormats([`en-GB-${'x'.repeat(100_000)}`, 'en-US']);
  expect(formatTime(at), 'an over-long tag is not looked at').toBe('02:03:22 PM');
  chooseRegionalFormats([...Array<string>(32).fill('fr'), 'en-GB']);
  expect(formatTime(at), 'only the first 32 tags are looked at').toBe('02:03:22 PM');
  i18n.load('de', {});
  i18n.activate('de');
  chooseRegionalFormats(['de-CH']);
  expect(formatNumber(12345.5)).toBe("12'345.5");
  chooseRegionalFormats([]);
});
