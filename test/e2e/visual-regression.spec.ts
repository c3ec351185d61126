import { test, expect } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { SHOT_OPTIONS } from '../../scripts/docs/freeze-page';
import { GUIDE_TASKS } from '../../scripts/docs/steps';
import { runTask } from '../../scripts/docs/run-task';
import { launchChromium } from '../harness/chromium';

/**
 * The key states of the guide, compared with the committed docs/screenshots.
 * A UI change that alters them fails here until the images are regenerated on
 * purpose with `npm run docs:screenshots` (which rewrites these baselines too).
 */
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

const KEY_TASKS = GUIDE_TASKS.filter((t) => t.visual);

test('the key tasks are part of the comparison', () => {
  expect(KEY_TASKS.map((t) => t.id)).toEqual(
    expect.arrayContaining([
      'overview',
      'enable-ipv4',
      'resolve-conflict',
      'test-vip',
      'copy-diagnostics',
    ]),
  );
});

for (const task of KEY_TASKS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${task.id} (${scheme}) looks as in docs/screenshots`, async () => {
      await runTask(browser, task, scheme, async (page, name) => {
        // A small tolerance (200 pixels of ~1.2 million) absorbs anti-aliasing differences.
        await expect(page).toHaveScreenshot(name, { ...SHOT_OPTIONS, maxDiffPixels: 200 });
      });
    });
  }
}
