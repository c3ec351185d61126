import { directionOf, languageTagOf } from './locales';
import { negotiateLocale, requestedLocales } from './negotiate';

/**
 * The page's first script, a classic one in <head> (built on its own by
 * scripts/i18n/vite-first-paint.ts): it chooses the language as the app will and
 * marks <html> with it before the body is parsed, so the static markup paints in
 * that language (virtual:first-paint.css shows only its words) and right to left if it is.
 */
const { locale } = negotiateLocale(requestedLocales(window.location.search, navigator.languages));
const root = document.documentElement;
root.lang = languageTagOf(locale);
root.dir = directionOf(locale);
root.dataset.firstPaint = locale;
