import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { startPreview, type RunningPreview } from '../harness/preview';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { createSshNode, type SshNode } from '../harness/ssh-node';

/**
 * openPairPreview with several real sshd nodes: "this computer" is the preview's sandbox,
 * each node Debian's sshd in its own namespaces, and one ssh config joins them. Each node's
 * own config ends in a `Host *` section (its known_hosts, its agent); that line is dropped
 * here, so those options stay with that node's alias. The host's /root, sysctl values and
 * files are never touched.
 */
export interface FleetPreview {
  readonly here: Sandbox;
  readonly nodes: readonly SshNode[];
  readonly preview: RunningPreview;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openFleetPreview(aliases: readonly string[]): Promise<FleetPreview> {
  const nodes: SshNode[] = [];
  let here: Sandbox | null = null;
  let preview: RunningPreview | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    await preview?.stop();
    await here?.dispose();
    for (const node of nodes) await node.dispose();
  };
  try {
    for (const alias of aliases) nodes.push(await createSshNode(alias));
    const config = nodes
      .map((n) => readFileSync(path.join(n.dir, 'ssh_config'), 'utf8').replace(/^Host \*\n/m, ''))
      .join('');
    const sandbox = await createSandbox();
    here = sandbox;
    sandbox.run(
      'sh',
      [
        '-c',
        'mount -t tmpfs -o mode=0700 nb-home /root && mkdir -m 0700 /root/.ssh && cat > /root/.ssh/config && chmod 0600 /root/.ssh/config',
      ],
      { input: config },
    );
    const { XDG_CONFIG_HOME: _ignored, ...env } = process.env;
    preview = await startPreview({ sandbox, env: { ...env, HOME: '/root' } });
    browser = await launchChromium({ netnsPid: sandbox.pid });
    const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
    await page.goto(preview.url);
    return { here: sandbox, nodes, preview, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
