import type { Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { copyDistForOtherUsers, removeDir, startPreview } from '../harness/preview';
import { createPolkitSandbox, sandboxUid } from '../harness/polkit-sandbox';
import { createSandbox, type Sandbox } from '../harness/sandbox';

export interface RealPreview {
  readonly sandbox: Sandbox;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * The app's UI against the real kernel and files of a fresh namespace: the preview
 * runs inside it (as root, or as one of POLKIT_USERS through the sandbox's own polkit
 * chain) and Chromium joins its network namespace to reach it.
 */
export interface RealPreviewOptions {
  /** One of POLKIT_USERS: the preview runs as that user in a sandbox with its own polkitd. */
  readonly user?: string;
  /** A sandbox the caller prepared and disposes of itself (not with `user`). */
  readonly sandbox?: Sandbox;
  /** The preview's arguments (default: none, real mode). */
  readonly args?: readonly string[];
  /** The page's size (default: Chromium's). */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export async function openRealPreview(options: RealPreviewOptions = {}): Promise<RealPreview> {
  const ownSandbox = options.sandbox === undefined;
  const sandbox =
    options.sandbox ??
    // A PID namespace of its own: whatever a test starts inside (a lock holder, say) ends
    // with the sandbox, even when the test fails half-way.
    (options.user
      ? (await createPolkitSandbox()).sandbox
      : await createSandbox({ pidNamespace: true }));
  const dist = options.user ? await copyDistForOtherUsers() : null;
  const uid = options.user ? sandboxUid(sandbox, options.user) : null;
  const preview = await startPreview({
    sandbox,
    ...(options.args ? { args: options.args } : {}),
    ...(dist ? { distDir: dist } : {}),
    ...(uid !== null ? { user: { uid, gid: uid } } : {}),
  });
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  // A context of its own (not newPage's implicit one), so axe can run on the page too.
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  await page.goto(preview.url);
  return {
    sandbox,
    page,
    close: async () => {
      await browser.close();
      await preview.stop();
      if (ownSandbox) await sandbox.dispose();
      if (dist) await removeDir(dist);
    },
  };
}
