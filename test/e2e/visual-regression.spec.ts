import { test, expect } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openStep, screenshotName, THEMES } from '../../scripts/docs/capture';
import { STEPS } from '../../scripts/docs/steps';

// A UI change that alters these fails until `npm run docs:screenshots` regenerates them on purpose.
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

for (const step of STEPS.filter((s) => s.key)) {
  for (const theme of THEMES) {
    test(`looks as documented: ${screenshotName(step, theme)}`, async () => {
      const opened = await openStep(browser, step, theme);
      try {
        await expect(opened.page).toHaveScreenshot(screenshotName(step, theme), {
          fullPage: true,
          maxDiffPixelRatio: 0.01,
        });
      } finally {
        await opened.close();
      }
    });
  }
}
