import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { POLKIT_USERS } from '../harness/polkit-sandbox';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

async function enableIpv4AtBoot(page: Page, fileName: string): Promise<void> {
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(page.getByTestId('value-ipv4')).toHaveText('Off → On (pending)');
  // Every boot is the default; the file name is one click away.
  await expect(page.getByRole('radio', { name: /Now and at every boot/ })).toBeChecked();
  if (fileName !== '90-nonlocal-bind.conf') {
    await page.getByRole('button', { name: 'change file name' }).click();
    await page.getByLabel(/File in \/etc\/sysctl.d\//).fill(fileName);
  }
  await expect(page.getByTestId('change-list')).toHaveText('IPv4 non-local bind: Off → On');
  await expect(page.getByTestId('file-action')).toHaveText(
    `File: /etc/sysctl.d/${fileName} (a new file)`,
  );
}

test('as root: flip IPv4, persist to 99-custom.conf, Apply, and see the value read back', async ({
  realPreview,
}) => {
  const { sandbox, page } = await realPreview();
  await enableIpv4AtBoot(page, '99-custom.conf');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-success')).toContainText('IPv4 non-local bind is now on');
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('value-ipv4')).toHaveText('On');
  await expect(page.getByTestId('pending-ipv4')).toHaveCount(0);
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(sandbox.readText('/etc/sysctl.d/99-custom.conf')).toContain(
    'net.ipv4.ip_nonlocal_bind = 1\n',
  );
});

test('a bad file name gets an inline error and Apply stays disabled; Discard drops the change', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh');
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await page.getByRole('button', { name: 'change file name' }).click();
  const field = page.getByLabel(/File in \/etc\/sysctl.d\//);
  await expect(field).toHaveValue('90-nonlocal-bind.conf');
  await field.fill('../passwd');
  await expect(page.getByRole('alert').filter({ hasText: 'without "/"' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await field.fill('my file.conf');
  await expect(page.getByText('The file name contains a space')).toBeVisible();
  await field.fill('99-custom.conf');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('change-list')).toHaveCount(0);
});

test('as a non-root user with polkit granting: one authentication applies as root', async ({
  realPreview,
}) => {
  const { sandbox, page } = await realPreview({ user: POLKIT_USERS.granted });
  await enableIpv4AtBoot(page, '90-nonlocal-bind.conf');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-success')).toBeVisible();
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'true');
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(
    sandbox.run('stat', ['-c', '%u', '/etc/sysctl.d/90-nonlocal-bind.conf']).stdout.trim(),
  ).toBe('0');
});

test('as a non-root user with polkit refusing: the refusal is shown and nothing changes', async ({
  realPreview,
}) => {
  const { sandbox, page } = await realPreview({ user: POLKIT_USERS.refused });
  await page.getByRole('switch', { name: /IPv6/ }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not applied' });
  await expect(alert).toContainText('Authentication was refused or cancelled');
  // The outcome is where the user looks, and the change is still there to retry.
  await expect(alert).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeInViewport();
  await expect(page.getByTestId('value-ipv6')).toHaveText('Off → On (pending)');
  // The switch tells assistive technology the kernel's value (still off), pending described.
  const v6 = page.getByRole('switch', { name: /IPv6/ });
  await expect(v6).toHaveAttribute('aria-checked', 'false');
  await expect(v6).toHaveAccessibleDescription(/^Off → On \(pending\)/);
  expect(sandbox.readText('/proc/sys/net/ipv6/ip_nonlocal_bind')).toBe('0\n');
});

test('equivalent commands match the pending change and each block copies exactly its text', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('switch', { name: /IPv6/ }).click();
  await page.getByRole('radio', { name: /This session only/ }).check();
  await page.getByText('Equivalent commands').click();
  const first = page.locator('.command-block').first();
  await expect(first.locator('pre')).toHaveText('sudo sysctl -w net.ipv6.ip_nonlocal_bind=1');
  await first.getByRole('button', { name: 'Copy: Set the running value (sysctl)' }).click();
  await expect(first.getByRole('button', { name: 'Copied: Set the running value' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'sudo sysctl -w net.ipv6.ip_nonlocal_bind=1',
  );
});
