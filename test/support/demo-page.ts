import type { Page } from 'playwright-core';

/** What has the focus now, in words a failing test can show: tag, id and text. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return `${e.tagName.toLowerCase()}#${e.id} ${(e.textContent ?? '').trim().slice(0, 60)}`;
  });
}
