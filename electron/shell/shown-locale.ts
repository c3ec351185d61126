import { negotiateLocale } from '../../renderer/src/i18n/negotiate';
import type { LocaleSourceKind, ReportedLocale } from '../system/diagnostics-locale';

/**
 * What the diagnostics report says of a request: the list, its source, and the language the
 * page shows for it. The page decides with renderer/src/i18n/negotiate.ts; main calls the
 * same function (tsconfig.node.json includes it), so the two cannot disagree.
 */
export function localeReportOf(request: {
  readonly requested: readonly string[];
  readonly source: LocaleSourceKind;
}): ReportedLocale {
  const shown = negotiateLocale(request.requested);
  return {
    requested: request.requested,
    source: request.source,
    shown: shown.locale,
    fellBack: shown.fellBack,
  };
}
