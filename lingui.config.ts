import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/**
 * Message catalogs: gettext PO files (what Linux translators use) with ICU plurals.
 * English is the source; the pseudo-locales are derived from it at build time
 * (scripts/i18n/vite-pseudo-catalogs.ts), so they have no PO file of their own.
 * No origins in the PO files: a moved line would otherwise change every catalog.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de', 'fr', 'es'],
  fallbackLocales: { default: 'en' },
  orderBy: 'message',
  catalogs: [
    {
      path: '<rootDir>/renderer/locales/{locale}/messages',
      include: ['<rootDir>/renderer/src'],
    },
  ],
  format: formatter({ origins: false, lineNumbers: false }),
});
