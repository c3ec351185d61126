import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { copyDistForOtherUsers, removeDir, startPreview } from './preview';
import { createPolkitSandbox, sandboxUid } from './polkit-sandbox';
import { createSandbox, type Sandbox } from './sandbox';

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
export async function openRealPreview(
  options: { readonly user?: string } = {},
): Promise<RealPreview> {
  const sandbox = options.user ? (await createPolkitSandbox()).sandbox : await createSandbox();
  const dist = options.user ? await copyDistForOtherUsers() : null;
  const uid = options.user ? sandboxUid(sandbox, options.user) : null;
  const preview = await startPreview({
    sandbox,
    ...(dist ? { distDir: dist } : {}),
    ...(uid !== null ? { user: { uid, gid: uid } } : {}),
  });
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  const page = await browser.newPage();
  await page.goto(preview.url);
  return {
    sandbox,
    page,
    close: async () => {
      await browser.close();
      await preview.stop();
      await sandbox.dispose();
      if (dist) await removeDir(dist);
    },
  };
}
