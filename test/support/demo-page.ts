import type { Browser, Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../harness/preview';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * Runs `body` on a demo scenario's page in a fresh browser context of this
 * size, once its values are shown; the preview and context go afterwards.
 */
export async function withDemo(
  browser: Browser,
  scenario: string,
  size: Viewport,
  body: (page: Page, preview: RunningPreview) => Promise<void>,
): Promise<void> {
  const preview = await startPreview({ args: ['--demo', scenario, '--port', '0'] });
  const context = await browser.newContext({ viewport: size });
  try {
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByTestId('value-ipv4').waitFor();
    await body(page, preview);
  } finally {
    await context.close();
    await preview.stop();
  }
}

/** What has the focus now, in words a failing test can show: tag, id and text. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return `${e.tagName.toLowerCase()}#${e.id} ${(e.textContent ?? '').trim().slice(0, 60)}`;
  });
}
