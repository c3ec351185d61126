import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { launchChromium } from '../support/chromium';
import { startPreview } from '../support/preview';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

for (const scenario of DEMO_SCENARIOS) {
  test(`axe: no serious or critical violations in "${scenario.name}", light and dark`, async () => {
    const preview = await startPreview({ args: ['--demo', scenario.name] });
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(preview.url);
        await page.getByRole('switch', { name: /IPv4/ }).waitFor();
        // Open every disclosure and the panels' content so their text is checked too.
        for (const summary of await page.locator('summary').all()) await summary.click();
        await page.getByRole('button', { name: 'Show diagnostics' }).click();
        await page.getByRole('button', { name: 'Find virtual IPs' }).click();
        await page.getByRole('radio', { name: /Now and at every boot/ }).check();
        await page.waitForTimeout(300);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
          .analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.help} (${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')})`,
          );
        expect(serious, `${scenario.name} ${colorScheme}`).toEqual([]);
        await context.close();
      }
    } finally {
      await preview.stop();
    }
  });
}
