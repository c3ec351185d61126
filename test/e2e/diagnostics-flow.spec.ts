import { test, expect } from '@playwright/test';
import { launchChromium } from '../support/chromium';
import { startPreview } from '../support/preview';

test('diagnostics are shown before copying, copied exactly, and saved as a download', async () => {
  const preview = await startPreview({ args: ['--demo', 'drift'] });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: preview.origin,
    });
    const page = await context.newPage();
    await page.goto(preview.url);
    await expect(page.getByRole('button', { name: 'Copy diagnostics' })).toBeDisabled();
    await page.getByRole('button', { name: 'Show diagnostics' }).click();
    const text = page.getByTestId('diagnostics-text');
    await expect(text).toContainText('Demo scenario: drift (simulated system)');
    await expect(text).toContainText('the running value differs from the boot value (drift)');
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
    const shown = await text.textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save diagnostics…' }).click();
    expect((await download).suggestedFilename()).toBe('nonlocal-bind-diagnostics.txt');
  } finally {
    await browser.close();
    await preview.stop();
  }
});
