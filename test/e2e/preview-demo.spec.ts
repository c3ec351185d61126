import { existsSync } from 'node:fs';
import { test, expect } from '../support/fixtures';
import { startPreview } from '../harness/preview';

test('demo "fresh" shows both switches off with plain-words status', async ({ demoPage }) => {
  const { page } = await demoPage('fresh', { args: ['--port', '0'] });
  const v4 = page.getByRole('switch', { name: /IPv4/ });
  const v6 = page.getByRole('switch', { name: /IPv6/ });
  await expect(v4).toHaveAttribute('aria-checked', 'false');
  await expect(v6).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Demo: nothing on this computer changes.')).toBeVisible();
  await expect(page.getByTestId('status-ipv4')).toHaveText(
    'Off: processes can only bind to IPv4 addresses this computer already has.',
  );
});

test('demo "enabled" shows both switches on', async ({ demoPage }) => {
  const { page } = await demoPage('enabled', { args: ['--port', '0'] });
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: /IPv6/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('status-ipv6')).toHaveText(
    "On: processes may bind to IPv6 addresses this computer doesn't have.",
  );
});

test('demo "no-ipv6" explains that IPv6 is unavailable', async ({ demoPage }) => {
  const { page } = await demoPage('no-ipv6', { args: ['--port', '0'] });
  await expect(page.getByTestId('value-ipv6')).toHaveText('Not available');
  await expect(page.getByTestId('status-ipv6')).toContainText('/proc/sys/net/ipv6 is missing');
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'false');
});

test('the demo directory is removed when the preview stops', async () => {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  await expect.poll(() => preview.stderr()).toContain('Demo data in ');
  const dir = /Demo data in (\S+)/.exec(preview.stderr())?.[1] ?? '';
  expect(dir).toMatch(/nonlocal-bind-demo-fresh-/);
  expect(existsSync(`${dir}/proc/sys/net/ipv4/ip_nonlocal_bind`)).toBe(true);
  await preview.stop();
  expect(existsSync(dir)).toBe(false);
});

test('switches are reachable by keyboard and Refresh re-reads', async ({ demoPage }) => {
  const { page } = await demoPage('fresh', { args: ['--port', '0'] });
  await expect(page.getByRole('switch', { name: /IPv4/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeFocused();
  const before = await page.locator('.read-at').textContent();
  await page.waitForTimeout(1100);
  await page.keyboard.press('Enter');
  await expect(page.locator('.read-at')).not.toHaveText(before ?? '');
});

test('dark preference is followed', async ({ demoPage }) => {
  const { page } = await demoPage('fresh', { args: ['--port', '0'] });
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(23, 25, 28)');
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(light).toBe('rgb(246, 247, 249)');
});
