import { test as base } from '@playwright/test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { startPreview, withLang, type RunningPreview } from '../harness/preview';
import { openRealPreview, type RealPreview, type RealPreviewOptions } from './real-preview';
import { createSandbox, type Sandbox } from '../harness/sandbox';

/**
 * Playwright fixtures for end-to-end tests: what a test opens is closed by the runner
 * when the test ends, pass or fail, so no test needs its own try/finally.
 */
export interface DemoPageOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Granted to the preview's origin only. */
  readonly permissions?: readonly string[];
  /** Extra preview arguments after `--demo <scenario>`. */
  readonly args?: readonly string[];
  /** Wait until the values are shown before handing the page over. */
  readonly waitForValues?: boolean;
  /** The UI language (`?lang=`), e.g. de or a pseudo-locale; the browser's own otherwise. */
  readonly lang?: string;
}

export interface DemoPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly preview: RunningPreview;
}

interface TestFixtures {
  /** Opens a demo scenario's preview in a fresh browser context of the worker's Chromium. */
  demoPage: (scenario: string, options?: DemoPageOptions) => Promise<DemoPage>;
  /** Opens the preview against a sandbox's real kernel and files (see openRealPreview). */
  realPreview: (options?: RealPreviewOptions) => Promise<RealPreview>;
  /** A fresh sandbox (network + mount namespace), disposed after the test. */
  sandbox: Sandbox;
  /**
   * Registers how to undo something the test started itself (an Electron app, a child
   * process, a timer): run when the test ends, last registered first, pass or fail.
   */
  teardown: (undo: () => unknown) => void;
}

/** Runs every closer, last opened first, even when one fails; then reports the first failure. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers.reverse()) {
    await close().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
}

export const test = base.extend<TestFixtures, { browser: Browser }>({
  // Playwright's own `browser` (and with it the `context` and `page` fixtures) becomes
  // Debian's Chromium, one per worker, outside any namespace.
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  demoPage: async ({ browser }, use) => {
    const closers: (() => Promise<void>)[] = [];
    await use(async (scenario, options = {}) => {
      const preview = await startPreview({ args: ['--demo', scenario, ...(options.args ?? [])] });
      closers.push(() => preview.stop());
      const context = await browser.newContext({
        acceptDownloads: true,
        ...(options.viewport ? { viewport: options.viewport } : {}),
      });
      closers.push(() => context.close());
      if (options.permissions) {
        await context.grantPermissions([...options.permissions], { origin: preview.origin });
      }
      const page = await context.newPage();
      await page.goto(options.lang ? withLang(preview.url, options.lang) : preview.url);
      if (options.waitForValues) await page.getByTestId('value-ipv4').waitFor();
      return { page, context, preview };
    });
    await closeAll(closers);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  realPreview: async ({}, use) => {
    const closers: (() => Promise<void>)[] = [];
    await use(async (options = {}) => {
      const opened = await openRealPreview(options);
      closers.push(() => opened.close());
      return opened;
    });
    await closeAll(closers);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  teardown: async ({}, use) => {
    const closers: (() => Promise<void>)[] = [];
    await use((undo) => closers.push(async () => void (await undo())));
    await closeAll(closers);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  sandbox: async ({}, use) => {
    const sandbox = await createSandbox();
    await use(sandbox);
    await sandbox.dispose();
  },
});

export { expect } from '@playwright/test';
