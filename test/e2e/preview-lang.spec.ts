import type { Page } from 'playwright-core';
import { test, expect } from '../support/fixtures';
import { startPreview } from '../harness/preview';
import { API_PATH_PREFIX, API_TOKEN_HEADER } from '../../electron/contract';

// `npm run preview -- --lang de`: the served page shows that language whatever the
// browser prefers; without --lang the browser's languages decide (issue 20). Real
// Chromium against the real preview server.

/** The page's language once its catalog is active (startI18n sets <html lang> then). */
async function pageLanguage(page: Page): Promise<string> {
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  return page.evaluate(() => document.documentElement.lang);
}

/** The diagnostics report as the page's own browser asks for it (its Accept-Language). */
async function diagnosticsFromPage(page: Page, token: string): Promise<string> {
  return page.evaluate(
    async ({ path, header, value }) => {
      const answer = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: value },
        body: '{}',
      });
      const body = (await answer.json()) as { value: { text: string } };
      return body.value.text;
    },
    { path: `${API_PATH_PREFIX}diagnostics:get`, header: API_TOKEN_HEADER, value: token },
  );
}

test('--lang de: the page is German for a French browser, even opened without ?lang=', async ({
  browser,
  teardown,
}) => {
  const preview = await startPreview({ args: ['--demo', 'fresh', '--lang', 'de'] });
  teardown(() => preview.stop());
  // The address it prints already carries the language.
  expect(preview.url).toBe(`${preview.origin}/?lang=de#token=${preview.token}`);
  const context = await browser.newContext({ locale: 'fr-FR' });
  teardown(() => context.close());
  const page = await context.newPage();
  // Opened as a user might type it: the server sends the page to ?lang=de, and the token
  // in the fragment survives the redirect: the values load through the token-checked API
  // (the page then takes the token out of the address).
  await page.goto(`${preview.origin}/#token=${preview.token}`);
  expect(await pageLanguage(page)).toBe('de');
  expect(new URL(page.url()).search).toBe('?lang=de');
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'false');
  // A ?lang= in the address still wins over the preview's.
  await page.goto(`${preview.origin}/?lang=es#token=${preview.token}`);
  expect(await pageLanguage(page)).toBe('es');
  expect(await diagnosticsFromPage(page, preview.token)).toContain(
    '\nUI language: de (asked for de by the --lang argument)\n',
  );
});

test('without --lang the browser’s languages decide, and the report names them', async ({
  browser,
  teardown,
}) => {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  teardown(() => preview.stop());
  expect(preview.url).toBe(`${preview.origin}/#token=${preview.token}`);
  for (const [locale, shown] of [
    ['fr-FR', 'fr'],
    ['es-MX', 'es'],
    ['ja-JP', 'en'],
  ] as const) {
    const context = await browser.newContext({ locale });
    teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(preview.url);
    expect(await pageLanguage(page), locale).toBe(shown);
    expect(new URL(page.url()).search, locale).toBe('');
    const report = await diagnosticsFromPage(page, preview.token);
    expect(report, locale).toContain(`\nUI language: ${shown} (asked for ${locale}`);
    expect(report, locale).toContain("by the browser's languages");
  }
});

test('an invalid --lang stops the preview with a clear message', async () => {
  await expect(startPreview({ args: ['--lang', 'de;rm'] })).rejects.toThrow(
    /preview exited with 2: preview: --lang must be a language tag or a list of them, such as de or de-DE:de \(got "de;rm"\)/,
  );
});
