import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/** Where a change is written: the file a typed name would hide, the default per change, removal. */
const DEMO = { viewport: { width: 920, height: 760 }, waitForValues: true };

const apply = (page: Page) => page.getByRole('button', { name: 'Apply…' });

test('demo "fresh": a typed name that would hide a vendor file is refused where it is typed, and Apply stays off', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', DEMO);
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await page.getByRole('button', { name: 'change file name' }).click();
  const input = page.getByLabel('File in /etc/sysctl.d/');
  await input.fill('50-pid-max.conf');
  const error = page.locator('#file-name-error');
  await expect(error).toHaveText(
    '50-pid-max.conf would hide /usr/lib/sysctl.d/50-pid-max.conf at boot, and kernel.pid_max = 4194304 would no longer be set. Choose another name.',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('file-action')).not.toContainText('a new file');
  await expect(apply(page)).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  // A refused plan is never applied, not even a moment later.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('apply-success')).toHaveCount(0);
  await input.fill('51-pid-max.conf');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('file-action')).toContainText(
    '/etc/sysctl.d/51-pid-max.conf (a new file)',
  );
  await expect(apply(page)).toBeEnabled();
});

test('demo "conflict-sysctl-conf": the default file follows the pending change, and a typed name stays', async ({
  demoPage,
}) => {
  const { page } = await demoPage('conflict-sysctl-conf', DEMO);
  const fileLine = page.getByTestId('file-action');
  // 99-zz-ha.conf never set IPv6: flipping IPv6 alone goes into the app's own file.
  await page.getByRole('switch', { name: /IPv6/ }).click();
  await expect(fileLine).toContainText('/etc/sysctl.d/90-nonlocal-bind.conf (a new file)');
  await expect(page.getByTestId('foreign-file')).toHaveCount(0);
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  // With IPv4 too, the file that already sets IPv4 takes both, with its owner's warning.
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(fileLine).toContainText('/etc/sysctl.d/99-zz-ha.conf');
  await expect(page.getByTestId('foreign-file')).toContainText(
    'Nonlocal Bind did not write /etc/sysctl.d/99-zz-ha.conf',
  );
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(fileLine).toContainText('/etc/sysctl.d/90-nonlocal-bind.conf (a new file)');
  // A typed name is the user's: flipping switches no longer moves it.
  await page.getByRole('button', { name: 'change file name' }).click();
  await page.getByLabel('File in /etc/sysctl.d/').fill('70-mine.conf');
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(page.getByLabel('File in /etc/sysctl.d/')).toHaveValue('70-mine.conf');
  await expect(fileLine).toContainText('/etc/sysctl.d/70-mine.conf');
});

test('demo "conflict-sysctl-conf": Remove from /etc/sysctl.conf shows its line, warns whose file it is, and removes only it', async ({
  demoPage,
}) => {
  const { page } = await demoPage('conflict-sysctl-conf', DEMO);
  await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
  await expect(page.getByRole('button', { name: 'Remove from 99-zz-ha.conf' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove from /etc/sysctl.conf' }).click();
  const removal = page.getByTestId('removal');
  await expect(removal).toContainText('These lines of /etc/sysctl.conf will go:');
  await expect(removal.locator('.removal-lines')).toHaveText(
    'line 3: net.ipv4.ip_nonlocal_bind = 0',
  );
  await expect(removal.getByTestId('foreign-file')).toContainText('Nonlocal Bind did not write');
  await expect(page.getByTestId('change-list')).toHaveText(
    'Remove net.ipv4.ip_nonlocal_bind from /etc/sysctl.conf',
  );
  await page.getByText('Equivalent commands').click();
  await expect(page.locator('.command-block').first()).toContainText('/etc/sysctl.conf');
  await apply(page).click();
  await expect(page.getByTestId('apply-success')).toContainText(
    'the net.ipv4.ip_nonlocal_bind line was removed from /etc/sysctl.conf',
  );
  // The engines no longer disagree: only 99-zz-ha.conf sets IPv4 now.
  await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove from /etc/sysctl.conf' })).toHaveCount(0);
  await expect(page.getByTestId('boot-ipv4-procps').locator('li')).toHaveText([
    /\/etc\/sysctl\.d\/99-zz-ha\.conf:1 = 1/,
  ]);
});

test('files of installed software that set the key are listed, not offered for removal, and say why', async ({
  sandbox,
  realPreview,
}) => {
  sandbox.writeText('/usr/lib/sysctl.d/60-vendor-ha.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  sandbox.writeText('/etc/sysctl.d/70-site.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  // The preview listens inside the sandbox's network namespace: the browser goes there too.
  const { page } = await realPreview({ sandbox, viewport: { width: 920, height: 760 } });
  await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
  // procps lists every write (systemd-sysctl only the last one).
  await expect(page.getByTestId('boot-ipv4-procps')).toContainText(
    '/usr/lib/sysctl.d/60-vendor-ha.conf:1',
  );
  await expect(page.getByRole('button', { name: 'Remove from 70-site.conf' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Remove from .*60-vendor-ha/ })).toHaveCount(0);
  await expect(page.getByTestId('not-removable-ipv4')).toContainText(
    'Not offered for removal: /usr/lib/sysctl.d/60-vendor-ha.conf.',
  );
  await expect(page.getByTestId('not-removable-ipv4')).toContainText('installed software');
});
