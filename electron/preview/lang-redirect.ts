/**
 * `npm run preview -- --lang de`: the page learns its language from `?lang=`, as in the
 * Electron app, so a request for the page without one is sent to the same page with the
 * preview's list. A `?lang=` already in the address wins (a test or a person chose it),
 * and so does the browser's own list when the preview was started without `--lang`.
 *
 * Returns where to send the browser, or null to serve the request as it is. The token
 * travels in the fragment, which browsers keep across a redirect.
 */
export function langRedirect(requestUrl: string, lang: readonly string[] | null): string | null {
  if (lang === null) return null;
  const queryStart = requestUrl.indexOf('?');
  const pathname = queryStart === -1 ? requestUrl : requestUrl.slice(0, queryStart);
  if (pathname !== '/' && pathname !== '/index.html') return null;
  const query = new URLSearchParams(queryStart === -1 ? '' : requestUrl.slice(queryStart + 1));
  if (query.has('lang')) return null;
  query.set('lang', lang.join(','));
  // URLSearchParams encodes the comma; the list's tags need no encoding at all.
  return `${pathname}?${query.toString().replace(/%2C/g, ',')}`;
}
