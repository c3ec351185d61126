import type { Messages } from '@lingui/core';
import type { AppLocale } from './locales';

/**
 * What a catalog chunk holds. A build splits each language's catalog in two
 * (scripts/i18n/vite-catalog-split.ts): `messages`, the words the first paint's code
 * uses, and `rest`, the words of the views that load later, fetched after the first
 * render. The dev server and the tests have everything in `messages` and no `rest`.
 */
export interface CatalogModule {
  readonly messages: Messages;
  readonly rest?: () => Promise<{ readonly messages: Messages }>;
}

/**
 * One dynamic import per locale: the build makes each its own chunk, so only the
 * active language's words are fetched. Production code carries message ids only;
 * these chunks are the one place the words live (English included).
 */
const CATALOGS: Readonly<Record<AppLocale, () => Promise<CatalogModule>>> = {
  en: () => import('../../locales/en/messages.po'),
  de: () => import('../../locales/de/messages.po'),
  fr: () => import('../../locales/fr/messages.po'),
  es: () => import('../../locales/es/messages.po'),
  'pseudo-long': () => import('virtual:pseudo-catalog/pseudo-long'),
  'pseudo-rtl': () => import('virtual:pseudo-catalog/pseudo-rtl'),
};

export function loadCatalog(locale: AppLocale): Promise<CatalogModule> {
  return CATALOGS[locale]();
}
