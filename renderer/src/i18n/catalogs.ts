import type { Messages } from '@lingui/core';
import type { AppLocale } from './locales';

/**
 * One dynamic import per locale: the build makes each its own chunk, so only the
 * active language's words are fetched. Production code carries message ids only;
 * these chunks are the one place the words live (English included).
 */
const CATALOGS: Readonly<Record<AppLocale, () => Promise<{ messages: Messages }>>> = {
  en: () => import('../../locales/en/messages.po'),
  de: () => import('../../locales/de/messages.po'),
  fr: () => import('../../locales/fr/messages.po'),
  es: () => import('../../locales/es/messages.po'),
  'pseudo-long': () => import('virtual:pseudo-catalog/pseudo-long'),
  'pseudo-rtl': () => import('virtual:pseudo-catalog/pseudo-rtl'),
};

export async function loadCatalog(locale: AppLocale): Promise<Messages> {
  const module = await CATALOGS[locale]();
  return module.messages;
}
