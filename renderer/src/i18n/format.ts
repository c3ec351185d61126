import { i18n } from '@lingui/core';
import { SOURCE_LOCALE } from './locales';
import { requestedTags } from './negotiate';

/**
 * Numbers, times and lists in the active language, through Intl. Use these rather
 * than toLocaleTimeString() or join(', ') in anything the user reads. Lingui's
 * locale is the Intl one (pseudo-locales format as English: see start.ts).
 */
let regional: string | null = null;

/**
 * The user's own tag for the shown language, for Intl only: a British English system gets
 * 24-hour times and a Swiss German one its own separators, though both read the en or de
 * catalog. Chosen once at start (start.ts) from the languages asked for.
 */
export function chooseRegionalFormats(requested: readonly string[]): void {
  const language = i18n.locale || SOURCE_LOCALE;
  regional = null;
  // Normalized and capped as for the language itself: "de_CH.UTF-8" is de-CH, junk is dropped.
  for (const tag of requestedTags(requested)) {
    if (tag.split('-')[0] !== language) continue;
    try {
      // A well-formed tag Intl still refuses (an unknown variant, say) is skipped.
      regional = Intl.getCanonicalLocales(tag)[0] ?? null;
      return;
    } catch {
      continue;
    }
  }
}

const intlLocale = () => regional ?? (i18n.locale || SOURCE_LOCALE);

/** A clock time with seconds ("14:03:22" in German, "02:03:22 PM" in English). */
export function formatTime(value: Date | string | number): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(value));
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

/**
 * "a, b and c" with the language's own separators. `type: 'disjunction'` gives
 * "a, b or c"; `type: 'unit', style: 'short'` gives a plain "a, b, c".
 */
export function formatList(
  items: readonly string[],
  options: {
    type?: 'conjunction' | 'disjunction' | 'unit';
    style?: 'long' | 'short' | 'narrow';
  } = {},
): string {
  return new Intl.ListFormat(intlLocale(), {
    type: options.type ?? 'conjunction',
    style: options.style ?? 'long',
  }).format(items);
}
