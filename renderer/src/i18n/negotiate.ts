import { SOURCE_LOCALE, USER_LOCALES, isAppLocale, type AppLocale } from './locales';

/**
 * Which of our languages to show for what the user asked, in their order of
 * preference. Pure, so the first-paint script and the app agree.
 */
export interface Negotiated {
  readonly locale: AppLocale;
  /** The user asked for languages, none of which has a catalog: English is shown instead. */
  readonly fellBack: boolean;
  /** The first language asked for (normalized), to name it when falling back. */
  readonly requested: string | null;
}

/** Too many or too long entries are someone else's input, not a preference list. */
const MAX_REQUESTED = 32;
const MAX_TAG_LENGTH = 64;

/**
 * "de_AT.UTF-8@euro" (gettext style) or "de-at" (BCP 47, any case) → "de-AT".
 * Returns null for what is not a language tag (C, POSIX, empty, junk).
 */
export function normalizeTag(raw: string): string | null {
  if (raw.length === 0 || raw.length > MAX_TAG_LENGTH) return null;
  const bare = raw.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  const lower = bare.toLowerCase();
  if (isAppLocale(lower)) return lower;
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(bare)) return null;
  const [language = '', ...rest] = bare.split('-');
  const subtags = rest.map((s) => (s.length === 2 ? s.toUpperCase() : s));
  return [language.toLowerCase(), ...subtags].join('-');
}

function matchOne(tag: string): AppLocale | null {
  if (isAppLocale(tag)) return tag;
  const language = tag.split('-')[0] ?? '';
  return (USER_LOCALES as readonly string[]).includes(language) ? (language as AppLocale) : null;
}

/** The language tags of what was asked for, normalized, at most MAX_REQUESTED looked at. */
export function requestedTags(requested: readonly string[]): string[] {
  return requested
    .slice(0, MAX_REQUESTED)
    .map(normalizeTag)
    .filter((t): t is string => t !== null);
}

export function negotiateLocale(requested: readonly string[]): Negotiated {
  const tags = requestedTags(requested);
  for (const tag of tags) {
    const match = matchOne(tag);
    if (match) return { locale: match, fellBack: false, requested: tag };
  }
  return { locale: SOURCE_LOCALE, fellBack: tags.length > 0, requested: tags[0] ?? null };
}

/**
 * What the page asks for: `?lang=` when present (Electron main and the preview
 * pass the system's or the --lang/LANGUAGE choice, a list separated by , or :;
 * present but empty means English, as under a C locale), else the browser's languages.
 */
export function requestedLocales(search: string, browserLanguages: readonly string[]): string[] {
  const lang = new URLSearchParams(search).get('lang');
  if (lang === null) return [...browserLanguages];
  // No more entries than negotiation looks at: a huge address is not split in full.
  return lang.split(/[,:]/, MAX_REQUESTED).filter((tag) => tag.trim() !== '');
}
