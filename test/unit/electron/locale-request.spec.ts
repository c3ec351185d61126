import { test, expect } from '@playwright/test';
import {
  acceptLanguageRequest,
  decideLocaleOverride,
  decideLocaleRequest,
  langQueryValue,
  MAX_LIST_CHARS,
  MAX_REQUESTED_LOCALES,
  normalizeLocaleTag,
  readLangArgument,
  systemLocaleRequest,
} from '../../../electron/shell/locale-request';

// Electron's argv in development: the binary, the app directory, then the user's arguments.
const argv = (...args: string[]) => ['/opt/electron', '.', ...args];
const SYSTEM = ['fr-FR', 'fr'];

test('POSIX and BCP 47 names normalise to one form; what names no language is refused', () => {
  expect(normalizeLocaleTag('de_DE.UTF-8@euro')).toBe('de-DE');
  expect(normalizeLocaleTag('pt_BR')).toBe('pt-BR');
  expect(normalizeLocaleTag('ES')).toBe('es');
  expect(normalizeLocaleTag('sr-latn-rs')).toBe('sr-latn-RS');
  expect(normalizeLocaleTag('es-419')).toBe('es-419');
  // The pseudo-locales keep their names (Intl would make "pseudo-Long" of the first).
  expect(normalizeLocaleTag('pseudo-long')).toBe('pseudo-long');
  expect(normalizeLocaleTag('pseudo-rtl')).toBe('pseudo-rtl');
  for (const bad of [
    'C',
    'POSIX',
    'C.UTF-8',
    '',
    'de;rm',
    '../de',
    'de DE',
    'x',
    'de-',
    'a'.repeat(80),
  ]) {
    expect(normalizeLocaleTag(bad), bad).toBeNull();
  }
});

test('--lang in both spellings, the last one winning; a missing value is told apart', () => {
  expect(readLangArgument(argv('--demo', 'fresh'))).toEqual({ found: false });
  expect(readLangArgument(argv('--lang', 'de'))).toEqual({ found: true, value: 'de' });
  expect(readLangArgument(argv('--lang=fr', '--lang', 'es'))).toEqual({ found: true, value: 'es' });
  expect(readLangArgument(argv('--lang'))).toEqual({ found: true, value: null });
  expect(readLangArgument(argv('--lang', '--demo', 'x'))).toEqual({ found: true, value: null });
});

test('--lang wins over LANGUAGE, over a C locale and over the system', () => {
  const result = decideLocaleRequest(
    argv('--lang', 'de'),
    { LANGUAGE: 'es:en', LC_ALL: 'C' },
    SYSTEM,
  );
  expect(result).toEqual({ ok: true, request: { requested: ['de'], source: 'argument' } });
  expect(decideLocaleOverride(argv('--lang=de_AT:de,en'), {})).toEqual({
    ok: true,
    request: { requested: ['de-AT', 'de', 'en'], source: 'argument' },
  });
});

test('a malformed or empty --lang is an error, not a silent fallback', () => {
  expect(decideLocaleOverride(argv('--lang'), {})).toEqual({
    ok: false,
    error: { code: 'lang-missing', value: '' },
  });
  expect(decideLocaleOverride(argv('--lang='), {})).toMatchObject({
    ok: false,
    error: { code: 'lang-missing' },
  });
  expect(decideLocaleOverride(argv('--lang', 'de:$(reboot)'), {})).toEqual({
    ok: false,
    error: { code: 'lang-invalid', value: '$(reboot)' },
  });
  expect(decideLocaleOverride(argv('--lang', ':,:'), {})).toMatchObject({
    ok: false,
    error: { code: 'lang-invalid' },
  });
  const huge = decideLocaleOverride(argv('--lang', 'de:'.repeat(1000)), {});
  expect(huge).toMatchObject({ ok: false, error: { code: 'lang-invalid' } });
  // The error echoes at most a short piece of what was typed.
  expect(huge?.ok === false && huge.error.value.length).toBeLessThanOrEqual(80);
});

test('LANGUAGE is a gettext list: order kept, duplicates and junk dropped', () => {
  expect(
    decideLocaleRequest(argv(), { LANGUAGE: 'de_DE:de:en', LANG: 'de_DE.UTF-8' }, SYSTEM),
  ).toEqual({ ok: true, request: { requested: ['de-DE', 'de', 'en'], source: 'LANGUAGE' } });
  expect(
    decideLocaleOverride(argv(), { LANGUAGE: 'es::es_ES:C:bad tag:es', LANG: 'en_US.UTF-8' }),
  ).toEqual({ ok: true, request: { requested: ['es', 'es-ES'], source: 'LANGUAGE' } });
});

test('a C or POSIX locale asks for English and, as in gettext, LANGUAGE does not count then', () => {
  for (const env of [
    { LC_ALL: 'C', LANGUAGE: 'de' },
    { LC_ALL: '', LC_MESSAGES: 'POSIX', LANG: 'de_DE.UTF-8', LANGUAGE: 'de' },
    { LANG: 'C.UTF-8', LANGUAGE: 'de' },
  ]) {
    expect(decideLocaleRequest(argv(), env, SYSTEM), JSON.stringify(env)).toEqual({
      ok: true,
      request: { requested: [], source: 'c-locale' },
    });
  }
  // LC_ALL set to a language overrides a C in LANG, as gettext reads them.
  expect(
    decideLocaleOverride(argv(), { LC_ALL: 'fr_FR.UTF-8', LANG: 'C', LANGUAGE: 'de' }),
  ).toMatchObject({ ok: true, request: { source: 'LANGUAGE' } });
  // Our one difference: with no locale variable at all, LANGUAGE still counts.
  expect(decideLocaleOverride(argv(), { LANGUAGE: 'de' })).toMatchObject({
    ok: true,
    request: { requested: ['de'], source: 'LANGUAGE' },
  });
});

test('without an override the system list decides, cleaned like any input', () => {
  expect(decideLocaleOverride(argv(), { LANG: 'fr_FR.UTF-8' })).toBeNull();
  expect(decideLocaleOverride(argv(), { LANGUAGE: '', LANG: 'fr_FR.UTF-8' })).toBeNull();
  expect(decideLocaleOverride(argv(), { LANGUAGE: ':junk junk:' })).toBeNull();
  expect(decideLocaleRequest(argv(), { LANG: 'fr_FR.UTF-8' }, SYSTEM)).toEqual({
    ok: true,
    request: { requested: ['fr-FR', 'fr'], source: 'system' },
  });
  // GLib's list as Electron passes it on: every variant of the locale name.
  expect(systemLocaleRequest(['de_DE.UTF-8', 'de_DE', 'de.UTF-8', 'de', 42, null, 'C'])).toEqual({
    requested: ['de-DE', 'de'],
    source: 'system',
  });
  const many = Array.from(
    { length: 500 },
    (_, i) =>
      `x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`,
  );
  expect(systemLocaleRequest(many).requested).toHaveLength(MAX_REQUESTED_LOCALES);
});

test('the page gets the list joined with commas', () => {
  expect(langQueryValue({ requested: ['de-DE', 'de'], source: 'LANGUAGE' })).toBe('de-DE,de');
  expect(langQueryValue({ requested: [], source: 'c-locale' })).toBe('');
});

test('a browser’s Accept-Language is read in its order, weights and * dropped, and capped', () => {
  expect(acceptLanguageRequest('de-DE,de;q=0.9, en;q=0.8,*;q=0.1')).toEqual({
    requested: ['de-DE', 'de', 'en'],
    source: 'browser',
  });
  expect(acceptLanguageRequest(undefined)).toEqual({ requested: [], source: 'browser' });
  // Junk entries are left out, as from any other hostile list.
  expect(acceptLanguageRequest('C, ;q=1,fr_CA.UTF-8,!!').requested).toEqual(['fr-CA']);
  // A header longer than any real preference list is not read at all.
  const long = Array.from({ length: 200 }, () => 'de').join(',');
  expect(long.length).toBeGreaterThan(MAX_LIST_CHARS);
  expect(acceptLanguageRequest(long).requested).toEqual([]);
  expect(acceptLanguageRequest(long.slice(0, MAX_LIST_CHARS)).requested).toEqual(['de']);
  // Many distinct entries within the cap still give at most MAX_REQUESTED_LOCALES.
  const distinct = Array.from(
    { length: 60 },
    (_, i) =>
      `x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
  ).join(',');
  expect(acceptLanguageRequest(distinct).requested).toHaveLength(MAX_REQUESTED_LOCALES);
});
