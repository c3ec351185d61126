import { test, expect } from '../support/fixtures';

test('bind test in the real namespace: fails, Apply, then offers and passes the re-test', async ({
  realPreview,
}) => {
  const { page } = await realPreview();
  await page.getByLabel('IP address').fill('192.0.2.10');
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByTestId('bind-result')).toContainText(
    '192.0.2.10: fails: this computer does not hold this address, and IPv4 non-local bind is off; turn it on to let services listen here',
  );
  await expect(page.getByTestId('bind-result')).toContainText(
    'This computer does not hold this address right now',
  );
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-success')).toBeVisible();
  await page.getByRole('button', { name: 'Settings changed: test 192.0.2.10 again' }).click();
  await expect(page.getByTestId('bind-result')).toContainText('192.0.2.10: works');

  await page.getByLabel('IP address').fill('lb.example.com');
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  // The apply bar keeps its (now empty) outcome alert mounted: pick the bind test's.
  await expect(page.getByRole('alert').filter({ hasText: 'looks like a host name' })).toBeVisible();
});

test('help for each setting opens from the keyboard', async ({ demoPage }) => {
  const { page } = await demoPage('fresh');
  const summary = page.getByText('What does this do?').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  const help = page.locator('.setting-help').first();
  await expect(help).toHaveAttribute('open', '');
  await expect(help).toContainText('IP_FREEBIND');
  await expect(help).toContainText('cannot bind socket');
  await expect(help).toContainText('network namespace');
  await expect(page.locator('.setting-help').nth(1)).toContainText('IPV6_FREEBIND');
});

test('demo: the any-address is named as such, not as one of this computer’s addresses', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', {
    viewport: { width: 920, height: 760 },
    waitForValues: true,
  });
  for (const address of ['0.0.0.0', '::']) {
    await page.getByLabel('IP address').fill(address);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const result = page.getByTestId('bind-result');
    await expect(result).toContainText(
      `${address}: works: this is the any-address (all of this computer's addresses), which never needs non-local bind`,
    );
    await expect(result).toContainText(
      'This is the any-address: listening on it means listening on all of this computer’s addresses at once.',
    );
    await expect(result).not.toContainText('belongs to this computer');
  }
});
