import { test, expect } from '@playwright/test';
import { i18n } from '../../../scripts/i18n/test-i18n.ts';
import { catalogMessages, compileMessages } from '../../../scripts/i18n/catalog-source.ts';
import { languageFallbackSentence } from '../../../renderer/src/i18n/language-fallback-notice';

// Renderer code under the test runner is compiled by the real Lingui macro
// (scripts/i18n/macro-loader-hooks.mjs): English comes out as written, and a German
// catalog keyed by the extractor's ids turns the same call German.

const ENGLISH = 'Nonlocal Bind has no {language} translation yet, so it is shown in English.';

test.afterEach(() => {
  i18n.activate('en');
});

test('English is the message text itself, placeholders filled', () => {
  expect(i18n.locale).toBe('en');
  expect(languageFallbackSentence('ja')).toBe(
    'Nonlocal Bind has no Japanese translation yet, so it is shown in English.',
  );
});

test('with German active, the call gives the German catalog’s words (ids as the extractor wrote them)', async () => {
  const english = await catalogMessages('en');
  const id = Object.keys(english).find((key) => english[key] === ENGLISH);
  expect(id, 'the extractor wrote the fallback sentence into the English catalog').toBeTruthy();
  if (!id) return;

  const german = await catalogMessages('de');
  expect(german[id], 'the German catalog translates the fallback sentence').not.toBe(ENGLISH);
  i18n.load('de', compileMessages(german));
  i18n.activate('de');

  const sentence = languageFallbackSentence('ja');
  expect(sentence).not.toContain('shown in English');
  expect(sentence).toContain('Japanisch'); // the language's name in the language shown
});
