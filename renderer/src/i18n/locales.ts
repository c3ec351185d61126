/**
 * The languages the renderer ships, in one place. English is the source: its
 * words are the message ids' text. The pseudo-locales are for layout tests only
 * (selected with ?lang=pseudo-long or ?lang=pseudo-rtl), never offered to users.
 */
export const SOURCE_LOCALE = 'en';

/** Languages with a complete catalog, in the order a language menu would list them. */
export const USER_LOCALES = ['en', 'de', 'fr', 'es'] as const;

/** Derived from English at build time: ~40% longer accented text, and right-to-left text. */
export const PSEUDO_LOCALES = ['pseudo-long', 'pseudo-rtl'] as const;

export type UserLocale = (typeof USER_LOCALES)[number];
export type PseudoLocale = (typeof PSEUDO_LOCALES)[number];
export type AppLocale = UserLocale | PseudoLocale;

export const APP_LOCALES: readonly AppLocale[] = [...USER_LOCALES, ...PSEUDO_LOCALES];

export type TextDirection = 'ltr' | 'rtl';

export function directionOf(locale: AppLocale): TextDirection {
  return locale === 'pseudo-rtl' ? 'rtl' : 'ltr';
}

/**
 * The BCP 47 tag for <html lang> and for Intl. The pseudo-locales use the tags
 * Chromium and Android use for the same purpose (en-XA accented, ar-XB bidi), so
 * Intl formats numbers and times for them as for English.
 */
export function languageTagOf(locale: AppLocale): string {
  if (locale === 'pseudo-long') return 'en-XA';
  if (locale === 'pseudo-rtl') return 'ar-XB';
  return locale;
}

/** Intl locale for numbers, times and lists: pseudo-locales format as English does. */
export function intlLocaleOf(locale: AppLocale): string {
  return locale === 'pseudo-long' || locale === 'pseudo-rtl' ? SOURCE_LOCALE : locale;
}

export function isAppLocale(value: string): value is AppLocale {
  return (APP_LOCALES as readonly string[]).includes(value);
}
