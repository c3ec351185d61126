import type { Locator, Page } from '@playwright/test';
import { pseudoLong } from '../../scripts/i18n/pseudo-text';
import { expect, test } from '../support/fixtures';

/**
 * Issue 20, item 5: the layout holds in a language about 40% longer than English and in a
 * right-to-left one. The two pseudo-locales are the English catalog transformed at build
 * time (scripts/i18n/pseudo-text.ts), so every message is long or mirrored, not a sample.
 * At 800×600, through the Apply bar, an error and the pair view: no sideways scrolling of
 * the page, no button whose text is cut, Apply and its outcome in view, and right to left
 * the layout mirrored (logical CSS properties), not just the letters.
 */
const SIZE = { width: 800, height: 600 };
const LOCALES = ['pseudo-long', 'pseudo-rtl'] as const;
type Pseudo = (typeof LOCALES)[number];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A control's accessible name in a pseudo-locale, from the start of its English words. */
function named(locale: Pseudo, english: string): RegExp {
  // pseudo-long accents letter by letter and pads the end; a prefix keeps its accents.
  const text = locale === 'pseudo-long' ? pseudoLong(english).replace(/ ~+$/, '') : english;
  return new RegExp(escape(text));
}

interface LayoutProblems {
  readonly sideways: number;
  readonly clipped: readonly string[];
  readonly outside: readonly string[];
}

/** What is wrong with the layout now: page overflow, cut button text, boxes off the window. */
function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // A table may scroll inside its own frame (the pair table does, by design).
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll') return true;
      }
      return false;
    };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const controls = Array.from(
      document.querySelectorAll('button, [role="tab"], a.button, summary'),
    );
    const clipped = controls
      .filter((el) => visible(el) && !inScroller(el))
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .map(label);
    const outside = Array.from(
      document.querySelectorAll('main *, header *, [data-testid="apply-bar"] *'),
    )
      .filter((el) => visible(el) && !inScroller(el))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.left < -1 || box.right > window.innerWidth + 1;
      })
      .map(label)
      .slice(0, 10);
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      clipped,
      outside,
    };
  });
}

async function expectLayoutHolds(page: Page, where: string): Promise<void> {
  expect(await layoutProblems(page), where).toEqual({ sideways: 0, clipped: [], outside: [] });
}

/** Right to left the page is mirrored: the title starts at the right edge, controls follow. */
async function expectDirection(page: Page, locale: Pseudo): Promise<void> {
  const rtl = locale === 'pseudo-rtl';
  await expect(page.locator('html')).toHaveAttribute('dir', rtl ? 'rtl' : 'ltr');
  const title = await page.locator('header h1').boundingBox();
  if (!title) throw new Error('no title');
  const fromStart = rtl ? SIZE.width - (title.x + title.width) : title.x;
  const fromEnd = rtl ? title.x : SIZE.width - (title.x + title.width);
  expect(fromStart, 'the title sits at the start edge').toBeLessThan(fromEnd);
}

async function inView(locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  await expect(locator, what).toBeInViewport({ ratio: 1 });
}

/** A step on the way (not Apply, not an outcome): on screen once scrolled to, and whole. */
async function reachable(locator: Locator, what: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await inView(locator, what);
}

for (const locale of LOCALES) {
  test(`${locale}, 800x600: the Apply bar, Apply and its outcome`, async ({ demoPage }) => {
    const { page } = await demoPage('fresh', { viewport: SIZE, lang: locale, waitForValues: true });
    await expectDirection(page, locale);
    await expectLayoutHolds(page, 'settings');
    await page.getByRole('switch').first().click();
    await inView(page.locator('#apply-button'), 'Apply while a change is pending');
    await expectLayoutHolds(page, 'pending change');
    await page.locator('#apply-button').click();
    await inView(page.getByTestId('apply-success'), 'the outcome');
    await expectLayoutHolds(page, 'applied');
  });

  test(`${locale}, 800x600: an error after Apply`, async ({ demoPage }) => {
    const { page } = await demoPage('auth-denied', {
      viewport: SIZE,
      lang: locale,
      waitForValues: true,
    });
    await page.getByRole('switch').first().click();
    await page.locator('#apply-button').click();
    const error = page.getByTestId('apply-bar').getByRole('alert').first();
    await expect(error).toBeVisible();
    await expect(error, 'the error').toBeInViewport();
    await inView(page.locator('#apply-button'), 'Apply again, beside the error');
    await expectLayoutHolds(page, 'error');
  });

  test(`${locale}, 800x600: the pair view, a node added and made alike`, async ({ demoPage }) => {
    test.slow();
    const { page } = await demoPage('persisted', {
      viewport: SIZE,
      lang: locale,
      waitForValues: true,
    });
    await page.locator('#view-tab-nodes').click();
    await page.locator('.add-node input[type="text"]').fill('lb-2');
    await page.locator('.add-node form button[type="submit"]').click();
    const trust = page.getByRole('alertdialog').locator('button.primary');
    await reachable(trust, 'the host key question');
    await expectLayoutHolds(page, 'host key');
    await trust.click();
    await expect(page.getByTestId('pair-table')).toContainText('lb-2');
    await expectLayoutHolds(page, 'side by side');
    // The first column is this computer: make the others like it.
    await page
      .getByRole('button', { name: named(locale, 'Make all nodes like') })
      .first()
      .click();
    await page.locator('.alike-panel input[type="password"]').fill('demo');
    const apply = page.locator('.alike-panel .actions button.primary');
    await reachable(apply, 'Apply to the nodes');
    await expectLayoutHolds(page, 'make alike');
    await apply.click();
    await inView(page.locator('.panel.outcomes h2'), 'the outcome on each machine');
    await expectLayoutHolds(page, 'outcomes');
  });
}
