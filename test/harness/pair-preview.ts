import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startPreview, type RunningPreview } from './preview';
import { createSandbox, type Sandbox } from './sandbox';
import { createSshNode, type SshNode } from './ssh-node';

/**
 * "This computer" and a second node, both real: the preview runs as root in one
 * sandbox whose /root is a private tmpfs holding only the node's ssh config (so the
 * app's plain `ssh` finds it as the user's ~/.ssh/config, and its node list lands in
 * ~/.config there); the node is Debian's sshd in its own namespaces. Chromium joins
 * the preview's network namespace. The host's /root, sysctl values and files are
 * never touched.
 */
export interface PairPreview {
  readonly here: Sandbox;
  readonly node: SshNode;
  readonly preview: RunningPreview;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openPairPreview(
  options: { readonly alias?: string } = {},
): Promise<PairPreview> {
  const node = await createSshNode(options.alias);
  const here = await createSandbox();
  const config = readFileSync(path.join(node.dir, 'ssh_config'), 'utf8');
  here.run(
    'sh',
    [
      '-c',
      'mount -t tmpfs -o mode=0700 nb-home /root && mkdir -m 0700 /root/.ssh && cat > /root/.ssh/config && chmod 0600 /root/.ssh/config',
    ],
    { input: config },
  );
  const { XDG_CONFIG_HOME: _ignored, ...env } = process.env;
  const preview = await startPreview({ sandbox: here, env: { ...env, HOME: '/root' } });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium({ netnsPid: here.pid });
    const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
    await page.goto(preview.url);
    const opened = browser;
    return {
      here,
      node,
      preview,
      page,
      close: async () => {
        await opened.close();
        await preview.stop();
        await here.dispose();
        await node.dispose();
      },
    };
  } catch (error) {
    await browser?.close();
    await preview.stop();
    await here.dispose();
    await node.dispose();
    throw error;
  }
}
