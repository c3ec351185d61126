import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startPreview, type RunningPreview } from '../support/preview';

let browser: Browser;
let preview: RunningPreview;
test.beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ args: ['--demo', 'fresh', '--port', '0'] });
});
test.afterAll(async () => {
  await browser.close();
  await preview.stop();
});

const headerText = (page: Page) => page.locator('header.app-header > div').first().innerText();

test('before any script runs, the window already names the app and says it is reading', async () => {
  const context = await browser.newContext({ viewport: { width: 920, height: 760 } });
  // Scripts never arrive: what shows is the page's own markup, styled.
  await context.route(/\.js$/, (route) => route.abort());
  const page = await context.newPage();
  try {
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Nonlocal Bind' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Reading the current settings…');
    const shell = await headerText(page);

    // Once React has rendered, the header reads the same: the markup is not a stale copy.
    await context.unroute(/\.js$/);
    await page.reload();
    await page.getByRole('switch', { name: /IPv4/ }).waitFor();
    const rendered = await headerText(page);
    expect(rendered.startsWith(shell)).toBe(true);
    await expect(page.getByText('Reading the current settings…')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('the pair view loads its code when its tab opens, not before the first paint', async () => {
  const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  try {
    await page.goto(preview.url);
    await page.getByRole('switch', { name: /IPv4/ }).waitFor();
    expect(scripts).toHaveLength(1);
    await page.getByRole('tab', { name: /pair/i }).click();
    await expect(page.getByRole('heading', { name: /pair/i }).first()).toBeVisible();
    expect(scripts).toHaveLength(2);
    expect(scripts[1]).toMatch(/pair-page-[\w-]+\.js$/);
  } finally {
    await page.close();
  }
});
