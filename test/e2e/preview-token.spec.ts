import { test, expect } from '@playwright/test';
import { launchChromium } from '../support/chromium';
import { startPreview } from '../support/preview';

test('the preview token leaves the address bar and history at load, and a reload still works', async () => {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(preview.url);
    await expect(page.getByRole('switch', { name: /IPv4/ })).toBeVisible();
    expect(page.url()).toBe(`${preview.origin}/`);
    expect(await page.evaluate('location.href')).not.toContain(preview.token);
    await page.reload();
    await expect(page.getByRole('switch', { name: /IPv4/ })).toBeVisible();
    expect(page.url()).not.toContain('token');
  } finally {
    await browser.close();
    await preview.stop();
  }
});
