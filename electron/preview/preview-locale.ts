import type { ReportedLocale, UiLocaleSource } from '../system/diagnostics-locale';
import { acceptLanguageRequest } from '../shell/locale-request';
import { localeReportOf } from '../shell/shown-locale';

/**
 * Which language the preview's page shows, for the diagnostics report. With `--lang` it is
 * known at start; without, the page's browser decides, and the page's own (token-checked)
 * requests carry its Accept-Language. The server only keeps the last header (every API
 * request, the 2-s poll included, carries one); it is parsed when a report asks.
 */
export interface PreviewLocale {
  /** Called by the server for each of the page's API requests. */
  readonly pageAsked: (acceptLanguage: string | undefined) => void;
  readonly report: UiLocaleSource;
}

export function previewLocale(lang: readonly string[] | null): PreviewLocale {
  if (lang !== null) {
    const fixed: ReportedLocale = localeReportOf({ requested: lang, source: 'argument' });
    return { pageAsked: () => undefined, report: () => fixed };
  }
  let asked = false;
  let lastHeader: string | undefined;
  return {
    pageAsked: (header) => {
      asked = true;
      lastHeader = header;
    },
    report: () => (asked ? localeReportOf(acceptLanguageRequest(lastHeader)) : null),
  };
}
