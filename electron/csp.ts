/**
 * The renderer's Content-Security-Policy, in one place.
 *
 * Vite writes it into index.html as a meta tag (the only way it reaches a
 * page loaded from file:// in Electron) and the preview server also sends it
 * as a header. No inline script, no eval, no remote anything: the page talks
 * to the backend only through the preload or same-origin fetch.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
