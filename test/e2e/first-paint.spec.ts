import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { startPreview, type RunningPreview } from '../harness/preview';

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview({ args: ['--demo', 'fresh', '--port', '0'] });
});
test.afterAll(async () => {
  await preview.stop();
});
test.use({ viewport: { width: 920, height: 760 } });

const headerText = (page: Page) => page.locator('header.app-header > div').first().innerText();

test('before any script runs, the window already names the app and says it is reading', async ({
  context,
  page,
}) => {
  // Scripts never arrive: what shows is the page's own markup, styled.
  await context.route(/\.js$/, (route) => route.abort());
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Nonlocal Bind' })).toBeVisible();
  // innerText: the markup holds every language's words, and shows only the active one's.
  await expect(page.getByRole('status')).toHaveText('Reading the current settings…', {
    useInnerText: true,
  });
  const shell = await headerText(page);

  // Once React has rendered, the header reads the same: the markup is not a stale copy.
  await context.unroute(/\.js$/);
  await page.reload();
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  const rendered = await headerText(page);
  expect(rendered.startsWith(shell)).toBe(true);
  await expect(page.getByText('Reading the current settings…')).toHaveCount(0);
});

test('the pair view loads its code when its tab opens, not before the first paint', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const pairChunks = () => scripts.filter((s) => /\/pair-page-[\w-]+\.js$/.test(s));
  await page.goto(preview.url);
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  // The first-paint script (it picks the language), then the entry; the catalog and the
  // chunks below the switches follow, but nothing of the pair view (the bar's and the
  // lower panels' chunks load after the paint).
  expect(scripts[0]).toMatch(/\/first-paint-[\w-]+\.js$/);
  expect(scripts[1]).toMatch(/\/index-[\w-]+\.js$/);
  expect(pairChunks()).toHaveLength(0);
  await page.getByRole('tab', { name: /pair/i }).click();
  await expect(page.getByRole('heading', { name: /pair/i }).first()).toBeVisible();
  expect(pairChunks()).toHaveLength(1);
});
