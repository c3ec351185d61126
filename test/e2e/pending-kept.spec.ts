import { test, expect, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startPreview, type RunningPreview } from '../support/preview';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

async function withScenario(scenario: string, body: (page: Page) => Promise<void>): Promise<void> {
  const preview: RunningPreview = await startPreview({
    args: ['--demo', scenario, '--port', '0'],
  });
  const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
  try {
    await page.goto(preview.url);
    await page.getByTestId('value-ipv4').waitFor();
    await body(page);
  } finally {
    await page.close();
    await preview.stop();
  }
}

test('keep at boot, then "This session only": the bar stays and says why Apply has nothing to do', async () => {
  await withScenario('enabled-runtime-only', async (page) => {
    await page.getByRole('button', { name: 'Keep it on at every boot' }).click();
    const bar = page.getByTestId('apply-bar');
    await expect(bar.getByTestId('change-list')).toContainText('IPv4 non-local bind');
    await bar.getByRole('radio', { name: /This session only/ }).click();
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('radio', { name: /This session only/ })).toBeChecked();
    await expect(bar.getByTestId('idle-keeps')).toContainText(
      'has nothing to do for this session only',
    );
    await expect(bar.getByRole('button', { name: /Apply/ })).toBeDisabled();
    // Going back brings the kept value back: nothing was dropped.
    await bar.getByRole('radio', { name: /Now and at every boot/ }).click();
    await expect(bar.getByTestId('idle-keeps')).toHaveCount(0);
    await expect(bar.getByTestId('change-list')).toContainText('IPv4 non-local bind');
    await expect(bar.getByRole('button', { name: /Apply/ })).toBeEnabled();
  });
});
