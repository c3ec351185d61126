import { test, expect } from '../support/fixtures';

test('the preview token leaves the address bar and history at load, and a reload still works', async ({
  demoPage,
}) => {
  const { page, preview } = await demoPage('fresh');
  await expect(page.getByRole('switch', { name: /IPv4/ })).toBeVisible();
  expect(page.url()).toBe(`${preview.origin}/`);
  expect(await page.evaluate('location.href')).not.toContain(preview.token);
  await page.reload();
  await expect(page.getByRole('switch', { name: /IPv4/ })).toBeVisible();
  expect(page.url()).not.toContain('token');
});
