import { test, expect } from '@playwright/test';
import { parsePreviewArgs } from '../../../electron/preview/cli-options';

test('defaults to a free port and the real system', () => {
  expect(parsePreviewArgs([])).toEqual({ port: 0, demo: null, lang: null });
});

test('reads --port and --demo in both spellings', () => {
  const parsed = parsePreviewArgs(['--port', '8123', '--demo=fresh']);
  expect(parsed.port).toBe(8123);
  expect(parsed.demo?.name).toBe('fresh');
  expect(parsePreviewArgs(['--port=0', '--demo', 'no-ipv6']).demo?.name).toBe('no-ipv6');
});

test('rejects bad input with specific messages', () => {
  expect(() => parsePreviewArgs(['--port', '70000'])).toThrow(
    '--port must be a whole number from 0 to 65535 (got "70000")',
  );
  expect(() => parsePreviewArgs(['--port', '-1'])).toThrow('--port must be a whole number');
  expect(() => parsePreviewArgs(['--port'])).toThrow('--port needs a value');
  expect(() => parsePreviewArgs(['--demo', 'nope'])).toThrow(
    /Unknown demo scenario "nope"\. Known: fresh, /,
  );
  expect(() => parsePreviewArgs(['--verbose'])).toThrow('Unknown option "--verbose"');
});

test('--lang takes one language or a gettext/Accept-Language list, checked like the app’s', () => {
  expect(parsePreviewArgs(['--lang', 'de']).lang).toEqual(['de']);
  expect(parsePreviewArgs(['--lang=de_DE.UTF-8:de,en']).lang).toEqual(['de-DE', 'de', 'en']);
  expect(parsePreviewArgs(['--lang', 'pseudo-rtl', '--demo', 'fresh']).lang).toEqual([
    'pseudo-rtl',
  ]);
  expect(() => parsePreviewArgs(['--lang'])).toThrow('--lang needs a value');
  expect(() => parsePreviewArgs(['--lang', '--demo', 'fresh'])).toThrow('--lang needs a value');
  expect(() => parsePreviewArgs(['--lang', 'de;rm -rf'])).toThrow(
    '--lang must be a language tag or a list of them, such as de or de-DE:de (got "de;rm -rf")',
  );
});
