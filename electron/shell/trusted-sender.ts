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

/** The parts of an IPC event the check needs; structural so tests need no Electron. */
export interface SenderLike {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null;
}

/** The parts of our window the check compares against; null once the window is gone. */
export interface WindowLike {
  readonly webContents: { readonly mainFrame: unknown };
}

/**
 * The whole sender check: our window's webContents, its main frame (not an
 * iframe, not a destroyed frame), and our own index.html.
 */
export function isTrustedSender(
  event: SenderLike,
  window: WindowLike | null,
  expectedUrl: string,
): boolean {
  return (
    window !== null &&
    event.sender === window.webContents &&
    event.senderFrame !== null &&
    event.senderFrame === window.webContents.mainFrame &&
    isTrustedSenderUrl(event.senderFrame.url, expectedUrl)
  );
}
