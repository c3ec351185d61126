import type { Page } from 'playwright-core';
import { expect, test } from '../support/fixtures';

/**
 * Issue 20: no English reaches the screen without passing through a message. In the
 * pseudo-long locale every message is accented letter by letter (scripts/i18n/pseudo-text.ts),
 * so a visible text node with three ASCII letters in a row and no accented letter is text
 * that bypassed the catalogs: a backend sentence, or a word the renderer never wrapped.
 * Verbatim data is exempt where the page marks it so: code/pre/kbd/samp, `translate="no"`
 * (HTML's own "do not translate") and `data-verbatim`; the diagnostics report stays English
 * on purpose.
 */
const SIZE = { width: 920, height: 760 };

/**
 * The time a test may take, from what it waits for: the preview's start (startPreview gives it
 * 20 s), then each wait below, which Playwright's expect bounds (10 s in playwright.config.ts)
 * and each of which is one simulated operation (a read, a host-key scan, a look inside).
 */
const PREVIEW_START_MS = 20_000;
const EXPECT_MS = 10_000;
const budget = (waits: number) => PREVIEW_START_MS + (waits + 1) * EXPECT_MS;
const VERBATIM = 'code, pre, kbd, samp, [translate="no"], [data-verbatim], script, style';
/** The accented letters pseudo-long maps ASCII letters to: Latin-1 to IPA extensions, Latin Extended Additional. */
const ACCENTED = '[\\u00C0-\\u02AF\\u1E00-\\u1EFF]';

/** Every visible text node of the page that looks English: "element: text". */
function unaccentedTexts(page: Page, options: { openDetails?: boolean } = {}): Promise<string[]> {
  return page.evaluate(
    ({ verbatim, accented, openDetails }) => {
      if (openDetails) document.querySelectorAll('details').forEach((d) => (d.open = true));
      const accentedLetter = new RegExp(accented);
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!/[A-Za-z]{3}/.test(text) || accentedLetter.test(text)) continue;
        const parent = node.parentElement;
        if (!parent || parent.closest(verbatim)) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getClientRects().length === 0) continue;
        found.push(`${parent.tagName.toLowerCase()}: ${text.trim()}`);
      }
      return found;
    },
    { verbatim: VERBATIM, accented: ACCENTED, openDetails: options.openDetails === true },
  );
}

/** The main view, once its values are read (the fixture waits for them), with every disclosure open too. */
async function expectMainViewWorded(page: Page): Promise<void> {
  await expect(page.locator('#view-tab-this')).toHaveAttribute('aria-selected', 'true');
  expect.soft(await unaccentedTexts(page)).toEqual([]);
  // Every disclosure opened and read in the same task: one the app controls may close again
  // at its next render (its contents are words like any other).
  expect.soft(await unaccentedTexts(page, { openDetails: true })).toEqual([]);
}

/** The pair view with the demo's simulated node lb-2 added and its column read. */
async function expectPairViewWorded(page: Page): Promise<void> {
  await page.locator('#view-tab-nodes').click();
  const addForm = page.locator('.add-node form');
  await addForm.locator('input[type="text"]').fill('lb-2');
  await addForm.locator('button[type="submit"]').click();
  // The host key of a node never seen must be trusted first (words checked while shown).
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('SHA256:');
  expect.soft(await unaccentedTexts(page)).toEqual([]);
  await dialog.locator('.button.primary').click();
  const table = page.getByTestId('pair-table');
  await expect(table.getByRole('columnheader', { name: /^lb-2/ })).toBeVisible();
  expect.soft(await unaccentedTexts(page)).toEqual([]);
}

/** The namespaces view, before and after looking inside each namespace. */
async function expectNamespacesViewWorded(page: Page): Promise<void> {
  await page.locator('#view-tab-namespaces').click();
  const lookInside = page.getByTestId('look-inside');
  await expect(lookInside).toBeVisible();
  expect.soft(await unaccentedTexts(page)).toEqual([]);
  await lookInside.getByRole('button').click();
  await expect(page.getByTestId('namespace-inside-values').first()).toBeVisible();
  expect.soft(await unaccentedTexts(page)).toEqual([]);
}

/** Every demo scenario's main view: each tells its own story (banner, notes, errors). */
const MAIN_SCENARIOS = [
  'fresh',
  'enabled',
  'enabled-runtime-only',
  'persisted',
  'drift',
  'conflict-sysctl-conf',
  'vips-found',
  'docker-haproxy',
  'netns-nginx',
  'readonly-proc',
  'auth-denied',
  'no-polkit-agent',
  'no-pkexec',
  'no-ipv6',
] as const;

for (const scenario of MAIN_SCENARIOS) {
  test(`${scenario}: the main view in pseudo-long has no English outside the catalogs`, async ({
    demoPage,
  }) => {
    test.setTimeout(budget(2));
    const { page } = await demoPage(scenario, {
      lang: 'pseudo-long',
      viewport: SIZE,
      waitForValues: true,
    });
    await expectMainViewWorded(page);
  });
}

for (const scenario of ['vips-found', 'drift', 'no-ipv6'] as const) {
  test(`${scenario}: the pair view with lb-2 in pseudo-long has no English outside the catalogs`, async ({
    demoPage,
  }) => {
    test.setTimeout(budget(4));
    const { page } = await demoPage(scenario, {
      lang: 'pseudo-long',
      viewport: SIZE,
      waitForValues: true,
    });
    await expectPairViewWorded(page);
  });
}

for (const scenario of ['docker-haproxy', 'netns-nginx'] as const) {
  test(`${scenario}: the namespaces view in pseudo-long has no English outside the catalogs`, async ({
    demoPage,
  }) => {
    test.setTimeout(budget(4));
    const { page } = await demoPage(scenario, {
      lang: 'pseudo-long',
      viewport: SIZE,
      waitForValues: true,
    });
    await expectNamespacesViewWorded(page);
  });
}
