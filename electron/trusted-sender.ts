/**
 * Decides whether an IPC message comes from our own page.
 *
 * Checked on every call: the sender must be the main frame of our window and
 * its URL must be exactly our bundled index.html (any fragment or query is
 * ignored). A frame that navigated elsewhere, an iframe, or another window is
 * refused even though it shares the preload.
 */
export function isTrustedSenderUrl(senderUrl: string, expectedUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(senderUrl);
    expected = new URL(expectedUrl);
  } catch {
    return false;
  }
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname
  );
}
