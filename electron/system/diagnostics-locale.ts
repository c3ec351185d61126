/**
 * Which language the user runs the app in, for the diagnostics report. The report itself
 * stays English (support reads and searches it); this line tells support what the user's
 * window shows, and why.
 *
 * Electron's main decides it at start (electron/shell/locale-request.ts), the preview from
 * its `--lang` or from the page's own requests (electron/preview/preview-locale.ts); each
 * hands createBackend a function that answers it when a report is gathered.
 */

/** Where the list came from (locale-request.ts's sources, plus the preview's browser). */
export type LocaleSourceKind = 'argument' | 'LANGUAGE' | 'c-locale' | 'system' | 'browser';

export interface ReportedLocale {
  /** Normalised tags (`de-DE`), most preferred first; at most a handful. */
  readonly requested: readonly string[];
  readonly source: LocaleSourceKind;
  /** The catalog the window shows (`de`, `en`, `pseudo-rtl`). */
  readonly shown: string;
  /** Nothing asked for has a catalog, so English is shown instead. */
  readonly fellBack: boolean;
}

/** Asked when a report is gathered; null while the window has not asked for its words. */
export type UiLocaleSource = () => ReportedLocale | null;

const SOURCE_TEXT: Readonly<Record<LocaleSourceKind, string>> = {
  argument: 'the --lang argument',
  LANGUAGE: 'the LANGUAGE variable',
  'c-locale': 'a C or POSIX locale (LC_ALL, LC_MESSAGES or LANG), which means English',
  system: "the system's languages",
  browser: "the browser's languages",
};

/** At most this many tags and characters of them: the line must stay one short line. */
const MAX_TAGS = 8;
const MAX_TAG_CHARS = 35;

/** The report's line: `UI language: de (asked for de-DE, de by the LANGUAGE variable)`. */
export function localeReportLine(locale: ReportedLocale | null): string {
  if (locale === null) return 'UI language: not known yet (the window has not asked for its words)';
  const tags = locale.requested.slice(0, MAX_TAGS).map((t) => t.slice(0, MAX_TAG_CHARS));
  const asked = tags.length === 0 ? 'nothing' : tags.join(', ');
  const more = locale.requested.length > MAX_TAGS ? ', …' : '';
  const fallback = locale.fellBack ? ', no catalog for any of them' : '';
  return `UI language: ${locale.shown.slice(0, MAX_TAG_CHARS)} (asked for ${asked}${more} by ${SOURCE_TEXT[locale.source]}${fallback})`;
}
