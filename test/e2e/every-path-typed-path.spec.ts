import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 11: a full /etc/sysctl.d/ path typed or pasted as the file name is taken
 * for its name, and a name the rule refuses never makes a path preview such as
 * "File: /etc/sysctl.d//etc/sysctl.d/foo.conf".
 */
for (const size of [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
]) {
  test(`${size.width}x${size.height}: a typed /etc/sysctl.d/ path is stripped to its name and applied`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('fresh', { viewport: size, waitForValues: true });
    await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
    await page.getByRole('button', { name: 'change file name' }).click();
    const field = page.getByLabel(/File in/);
    const line = page.getByTestId('file-action');

    // Refused names show no path at all, only their error.
    await field.fill('a/b.conf');
    await expect(page.getByRole('alert').filter({ hasText: 'without "/"' })).toBeVisible();
    await expect(line).toHaveText('File: none until the name below is accepted');

    await field.fill('/etc/sysctl.d/foo.conf');
    await expect(field).toHaveValue('foo.conf');
    await expect(line).toHaveText('File: /etc/sysctl.d/foo.conf (a new file)');
    await expect(page.locator('#file-name-error')).toHaveCount(0);
    // Typed key by key, the directory goes as soon as it is complete.
    await field.fill('');
    await field.pressSequentially('/etc/sysctl.d/bar.conf');
    await expect(field).toHaveValue('bar.conf');
    await expect(line).not.toContainText('//');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Apply/ }).click();
    await expect(page.getByTestId('apply-success')).toContainText('/etc/sysctl.d/bar.conf');
  });
}
