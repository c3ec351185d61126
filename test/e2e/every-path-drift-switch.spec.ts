import type { Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, points 6 and 13. Drift: "Turn it on now" keeps the chosen duration (a file
 * already keeps it at boot); only where no file sets it does "Turn it off now" choose
 * "This session only", and the bar says why. The pending switch: assistive technology
 * hears the kernel's value with "pending" in the description, it is drawn plainly (not
 * hatched), and the VIP field's placeholder fits.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

const apply = (page: Page) => page.getByRole('button', { name: /^Apply/ });
const lasting = (page: Page, name: string) => page.getByRole('radio', { name });

for (const size of SIZES) {
  test(`${size.width}x${size.height}: "Turn it on now" keeps "Now and at every boot", and the file that already says it`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('drift', { viewport: size, waitForValues: true });
    await page.getByRole('button', { name: 'Turn it on now' }).click();
    await expect(lasting(page, 'Now and at every boot')).toBeChecked();
    await expect(page.getByTestId('drift-waiting-ipv4')).toHaveText(
      'Waiting in the bar: it turns on when you click Apply.',
    );
    await expect(page.getByTestId('file-action')).toContainText(
      '/etc/sysctl.d/60-haproxy.conf (already says this)',
    );
    await expect(page.getByTestId('session-only-why')).toHaveCount(0);
    await expect(apply(page)).toBeEnabled();
    await expect(apply(page)).toBeInViewport({ ratio: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await apply(page).click();
    await expect(page.getByTestId('apply-success')).toContainText('Applied.');
    await expect(page.getByTestId('drift-ipv4')).toHaveCount(0);
    await expect(page.getByTestId('value-ipv4')).toHaveText('On');
  });

  test(`${size.width}x${size.height}: "Turn it off now" with no file setting it chooses "This session only" and says why`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('enabled-runtime-only', {
      viewport: size,
      waitForValues: true,
    });
    await page.getByRole('button', { name: 'Turn it off now' }).click();
    await expect(lasting(page, 'This session only')).toBeChecked();
    await expect(page.getByTestId('session-only-why')).toHaveText(
      '“This session only” is chosen for IPv4 non-local bind: no file sets it, so the kernel starts with it off at every boot anyway, and no file needs writing.',
    );
    await expect(page.getByTestId('session-only-why')).toBeInViewport();
    // Choosing the other duration is the user's: the explanation goes with it.
    await lasting(page, 'Now and at every boot').check();
    await expect(page.getByTestId('session-only-why')).toHaveCount(0);
  });

  test(`${size.width}x${size.height}: the pending switch reads the kernel's value with "pending" described, drawn plainly; the VIP placeholder fits`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('fresh', { viewport: size, waitForValues: true });
    const toggle = page.getByRole('switch', { name: 'IPv4 non-local bind' });
    await toggle.click();
    // The kernel is still off: that is the switch's state; the wanted value is described.
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toHaveAccessibleDescription(/Off → On \(pending\)/);
    await expect(toggle).toHaveAttribute('data-position', 'on');
    const track = toggle.locator('.switch-track');
    expect(await track.evaluate((e) => getComputedStyle(e).backgroundImage)).toBe('none');
    expect(await track.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('none');
    expect(await axeViolations(page)).toEqual([]);
    await apply(page).click();
    await expect(page.getByTestId('apply-success')).toContainText('Applied.');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(toggle).not.toHaveAccessibleDescription(/pending/);

    // The bind test field shows its whole example address.
    const field = page.getByRole('region', { name: 'Test a virtual IP' }).getByLabel('IP address');
    const fits = await field.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
  });
}
