import type { LocaleSourceKind, ReportedLocale } from '../system/diagnostics-locale';

/**
 * Which of the window's languages main expects the page to show for a request, for the
 * About panel, the menu bar and the diagnostics line. The page decides for itself with
 * renderer/src/i18n/negotiate.ts; main cannot import that file (the renderer and main are
 * separate TypeScript projects), so this is the same rule over the same lists, and
 * test/unit/electron/shown-locale.spec.ts fails the moment the two disagree.
 */
const WINDOW_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
const PSEUDO_LOCALES = ['pseudo-long', 'pseudo-rtl'] as const;
const ENGLISH = 'en';

export interface ShownLocale {
  readonly locale: string;
  /** Languages were asked for and none has a catalog: English is shown instead. */
  readonly fellBack: boolean;
}

/** `requested` holds tags already normalised by locale-request.ts (`de-DE`, `pseudo-rtl`). */
export function shownLocaleFor(requested: readonly string[]): ShownLocale {
  for (const tag of requested) {
    const lower = tag.toLowerCase();
    if ((PSEUDO_LOCALES as readonly string[]).includes(lower))
      return { locale: lower, fellBack: false };
    const language = lower.split('-')[0] ?? '';
    if ((WINDOW_LANGUAGES as readonly string[]).includes(language)) {
      return { locale: language, fellBack: false };
    }
  }
  // Only what reads as a language tag counts as asked for (a 2- or 3-letter language).
  const asked = requested.some((tag) => /^[a-z]{2,3}(?:-|$)/i.test(tag));
  return { locale: ENGLISH, fellBack: asked };
}

/** What the diagnostics report says of a request: the list, its source, what is shown. */
export function localeReportOf(request: {
  readonly requested: readonly string[];
  readonly source: LocaleSourceKind;
}): ReportedLocale {
  const shown = shownLocaleFor(request.requested);
  return {
    requested: request.requested,
    source: request.source,
    shown: shown.locale,
    fellBack: shown.fellBack,
  };
}
