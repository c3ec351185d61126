import { test, expect } from '../support/fixtures';
import { DIST_DIR, startPreview, withLang, type RunningPreview } from '../harness/preview';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogMessages } from '../../scripts/i18n/catalog-source.ts';
import { catalogChunkLocale } from '../../scripts/i18n/chunk-names.ts';

// The static markup paints in the user's language before the app's module runs; only
// the active language's catalog is fetched; a language without a catalog says so.

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview({ args: ['--demo', 'fresh', '--port', '0'] });
});
test.afterAll(async () => {
  await preview.stop();
});
test.use({ viewport: { width: 920, height: 760 } });

const READING = 'Reading the current settings…';
const APP_MODULE = /\/assets\/index-[\w-]+\.js$/;

async function translationOf(locale: string, english: string): Promise<string> {
  const en = await catalogMessages('en');
  const id = Object.keys(en).find((key) => en[key] === english);
  if (!id) throw new Error(`"${english}" is not in the English catalog`);
  const text = (await catalogMessages(locale))[id];
  if (text === undefined) throw new Error(`no ${locale} entry for "${english}"`);
  return text;
}

test('without the app’s module, the page already reads in German, from the German catalog', async ({
  context,
  page,
}) => {
  await context.route(APP_MODULE, (route) => route.abort());
  await page.goto(withLang(preview.url, 'de-AT,fr'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('status')).toHaveText(await translationOf('de', READING), {
    useInnerText: true,
  });
});

test('the long pseudo-locale paints its own words at first, and right-to-left mirrors the page', async ({
  context,
  page,
}) => {
  await context.route(APP_MODULE, (route) => route.abort());
  await page.goto(withLang(preview.url, 'pseudo-long'));
  await expect(page.locator('html')).toHaveAttribute('data-first-paint', 'pseudo-long');
  const status = await page.getByRole('status').innerText();
  expect(status).not.toBe(READING);
  expect(status).toMatch(/^Ŕééááðîîñĝ ţĥéé/);
  expect(status.length).toBeGreaterThanOrEqual(Math.ceil(READING.length * 1.4));

  await page.goto(withLang(preview.url, 'pseudo-rtl'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(box, 'the heading is laid out').not.toBeNull();
  // Mirrored: the heading starts at the right, not the left, of the 920 px window.
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(920 / 2);
});

test('German loads the German catalog and no other; the app renders with it', async ({ page }) => {
  const catalogs: string[] = [];
  page.on('request', (r) => {
    const name = catalogChunkLocale(new URL(r.url()).pathname);
    if (name) catalogs.push(name);
  });
  await page.goto(withLang(preview.url, 'de'));
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  // The first paint's part, then the later views' part (after the first render).
  await expect.poll(() => [...catalogs].sort()).toEqual(['de', 'de-rest']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('note').filter({ hasText: 'English' })).toHaveCount(0);
  // In any language: the German notice would not say 'English'.
  await expect(page.locator('.language-fallback')).toHaveCount(0);
});

test('a view loaded after the first paint has its words, not ids', async ({ page }) => {
  await page.goto(withLang(preview.url, 'pseudo-long'));
  await page.getByRole('switch').first().waitFor();
  await page.getByRole('tab').nth(1).click();
  const heading = page.getByRole('heading', { level: 2 }).first();
  await expect(heading).toBeVisible();
  // Pseudo-long words are accented; an id would be two or three plain characters.
  expect(await heading.innerText()).toMatch(/[áéîöû]/);
});

test('a language without a catalog shows English and says so in one sentence', async ({ page }) => {
  await page.goto(withLang(preview.url, 'ja'));
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('note').filter({ hasText: 'English' })).toHaveText(
    'Nonlocal Bind has no Japanese translation yet, so it is shown in English.',
  );
});

test('the built code carries ids only: the words are in the catalogs alone', async () => {
  const assets = path.join(DIST_DIR, 'renderer', 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  const english = Object.values(await catalogMessages('en'));
  // Long sentences without placeholders: each would appear verbatim if it were in the code.
  const sentences = english.filter((m) => m.length > 60 && !/[{<]/.test(m)).slice(0, 40);
  expect(sentences.length).toBeGreaterThan(10);
  let inCatalogs = '';
  for (const file of files) {
    const code = await readFile(path.join(assets, file), 'utf8');
    const locale = catalogChunkLocale(file);
    if (locale === 'en' || locale === 'en-rest') inCatalogs += code;
    if (locale !== null) continue;
    const held = sentences.filter((sentence) => code.includes(sentence));
    expect(held, `${file} holds English`).toEqual([]);
  }
  // The words are in the English catalog chunks instead (written as JSON inside a JS
  // string). A few English messages belong to the main process (menus, polkit) only.
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const found = sentences.filter((sentence) => inCatalogs.includes(json(json(sentence))));
  expect(found.length).toBeGreaterThan(sentences.length * 0.8);
});
