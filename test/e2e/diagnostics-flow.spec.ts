import { test, expect } from '../support/fixtures';

test('diagnostics are shown before copying, copied exactly, and saved as a download', async ({
  demoPage,
}) => {
  const { page } = await demoPage('drift', { permissions: ['clipboard-read', 'clipboard-write'] });
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
});
