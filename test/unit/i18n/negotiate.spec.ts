import { test, expect } from '@playwright/test';
import {
  negotiateLocale,
  normalizeTag,
  requestedLocales,
} from '../../../renderer/src/i18n/negotiate';
import { directionOf, languageTagOf } from '../../../renderer/src/i18n/locales';

// Which language the page shows for what was asked, in order of preference.

test('the first language with a catalog wins, by its base language when the region has none', () => {
  expect(negotiateLocale(['de-AT', 'fr'])).toEqual({
    locale: 'de',
    fellBack: false,
    requested: 'de-AT',
  });
  expect(negotiateLocale(['ja', 'fr-CA', 'de'])).toMatchObject({ locale: 'fr', fellBack: false });
  expect(negotiateLocale(['en-GB', 'de'])).toMatchObject({ locale: 'en', fellBack: false });
  expect(negotiateLocale(['es_ES.UTF-8@euro'])).toMatchObject({ locale: 'es', fellBack: false });
});

test('nothing with a catalog: English, and it says it fell back, naming what was asked first', () => {
  expect(negotiateLocale(['ja', 'ko'])).toEqual({ locale: 'en', fellBack: true, requested: 'ja' });
  // Nothing asked (a C locale, an empty ?lang=): English as asked, no fallback to report.
  expect(negotiateLocale([])).toEqual({ locale: 'en', fellBack: false, requested: null });
  expect(negotiateLocale(['C', 'POSIX', ''])).toEqual({
    locale: 'en',
    fellBack: false,
    requested: null,
  });
});

test('the pseudo-locales are chosen by their names only, and right-to-left is mirrored', () => {
  expect(negotiateLocale(['pseudo-long']).locale).toBe('pseudo-long');
  expect(negotiateLocale(['PSEUDO-RTL']).locale).toBe('pseudo-rtl');
  expect(negotiateLocale(['pseudo']).locale).toBe('en');
  expect(directionOf('pseudo-rtl')).toBe('rtl');
  expect(directionOf('de')).toBe('ltr');
  expect(languageTagOf('pseudo-long')).toBe('en-XA');
  expect(languageTagOf('pseudo-rtl')).toBe('ar-XB');
});

test('hostile lists: junk entries are skipped, huge ones are not read', () => {
  expect(normalizeTag('x'.repeat(65))).toBeNull();
  // Well-formed but over the 64-character cap: only the cap refuses it.
  const wellFormed = `de${'-abcdefgh'.repeat(6)}`;
  expect(normalizeTag(wellFormed)).toBe(wellFormed);
  expect(normalizeTag(`${wellFormed}-abcdefgh`)).toBeNull();
  expect(normalizeTag('de-<script>')).toBeNull();
  expect(normalizeTag('de_de')).toBe('de-DE');
  const long = Array.from({ length: 100 }, () => 'ja');
  expect(negotiateLocale([...long, 'de'])).toMatchObject({ locale: 'en', fellBack: true });
  expect(negotiateLocale(['"><img>', 'fr'])).toMatchObject({ locale: 'fr', fellBack: false });
});

test('?lang= decides when present (a list by , or :), empty means English; else the browser', () => {
  expect(requestedLocales('?lang=de-AT,fr', ['es'])).toEqual(['de-AT', 'fr']);
  expect(requestedLocales('?lang=de_DE:de', ['es'])).toEqual(['de_DE', 'de']);
  expect(requestedLocales('?lang=', ['es'])).toEqual([]);
  expect(requestedLocales('', ['es', 'en'])).toEqual(['es', 'en']);
  expect(requestedLocales('?other=1', ['fr'])).toEqual(['fr']);
  // A huge list is not split in full: the first 32 entries are all negotiation reads.
  const huge = requestedLocales(`?lang=${'ja,'.repeat(100_000)}de`, []);
  expect(huge).toHaveLength(32);
  expect(negotiateLocale(huge)).toMatchObject({ locale: 'en', fellBack: true });
});
