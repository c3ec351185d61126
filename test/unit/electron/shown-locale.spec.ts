import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { decideLocaleOverride, langQueryValue } from '../../../electron/shell/locale-request';
import { localeReportOf } from '../../../electron/shell/shown-locale';
import { negotiateLocale, requestedLocales } from '../../../renderer/src/i18n/negotiate';
import { APP_LOCALES } from '../../../renderer/src/i18n/locales';

// Main's idea of the window's language must be the window's own choice: the About panel,
// the menu bar and the diagnostics line would otherwise name another language. Main hands
// the list to the page as `?lang=` (langQueryValue); the page reads it back
// (requestedLocales, with browser languages that must not count) and negotiates.
const agree = (requested: readonly string[]) => {
  const search = `?${new URLSearchParams({ lang: langQueryValue({ requested, source: 'argument' }) })}`;
  const page = negotiateLocale(requestedLocales(search, ['fr-FR', 'fr']));
  const report = localeReportOf({ requested, source: 'argument' });
  expect({ locale: report.shown, fellBack: report.fellBack }, JSON.stringify(requested)).toEqual({
    locale: page.locale,
    fellBack: page.fellBack,
  });
};

test('main and the page choose the same language for typical requests', () => {
  for (const requested of [
    [],
    ['de'],
    ['de-DE', 'de'],
    ['de-AT'],
    ['ja-JP', 'ja', 'fr'],
    ['ja'],
    ['pt-BR', 'es-419'],
    ['pseudo-long'],
    ['pseudo-rtl', 'de'],
    ['deutsch'],
    ['en-GB', 'de'],
    ['sr-latn-RS'],
  ]) {
    agree(requested);
  }
});

test('main and the page agree on any list locale-request.ts can produce', () => {
  const tag = fc.oneof(
    fc.constantFrom(
      ...APP_LOCALES,
      'de-DE',
      'fr_CA.UTF-8',
      'es-419',
      'ja',
      'pt-BR',
      'C',
      'x',
      'deutsch',
    ),
    fc.stringMatching(/^[a-zA-Z]{1,9}(?:[-_][a-zA-Z0-9]{1,9}){0,2}$/),
  );
  fc.assert(
    fc.property(fc.array(tag, { maxLength: 6 }), (raw) => {
      const decided = decideLocaleOverride(['--lang', raw.join(':') || 'C'], {});
      if (!decided?.ok) return;
      agree(decided.request.requested);
    }),
    { numRuns: 2000 },
  );
});
