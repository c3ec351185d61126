import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const COMMON_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else other common places; a clear error otherwise. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = COMMON_PATHS.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH. Never run `npx playwright install` here.',
    );
  }
  return found;
}

// Without the networking switches Chromium tries to reach Google at start, which this closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Chromium, optionally inside a sandbox's network namespace so it can
 * reach a preview server listening on that namespace's own loopback.
 */
export async function launchChromium(
  options: { readonly netnsPid?: number } = {},
): Promise<Browser> {
  let executablePath = findChromium();
  let wrapperDir: string | null = null;
  if (options.netnsPid !== undefined) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-chromium-'));
    wrapperDir = dir;
    const wrapper = path.join(dir, 'chromium-in-netns');
    await writeFile(
      wrapper,
      `#!/bin/sh\nexec nsenter --target=${options.netnsPid} --net -- ${executablePath} "$@"\n`,
    );
    await chmod(wrapper, 0o755);
    executablePath = wrapper;
  }
  // Polkit tests start and stop system buses of their own (a sandbox's private one ends
  // with the sandbox); Chromium aborts when a bus it connected to goes away, so it is kept
  // off D-Bus entirely.
  const env = {
    ...process.env,
    DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent/nonlocal-bind-no-dbus',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/nonlocal-bind-no-dbus',
  };
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    env,
  });
  // The wrapper's directory goes with the browser, so a run leaves nothing in /tmp.
  if (wrapperDir !== null) {
    const dir = wrapperDir;
    browser.on('disconnected', () => void rm(dir, { recursive: true, force: true }));
  }
  return browser;
}
