import type { Locator, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { describeFocus } from '../support/demo-page';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 8: after Refresh and after Test the focus stays on the control used,
 * with a visible ring, instead of falling to the page while the button is busy.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

/** Focused, and drawn with the app's focus ring (`:focus-visible`, a solid 3 px outline). */
async function expectRing(page: Page, control: Locator): Promise<void> {
  await expect(control, await describeFocus(page)).toBeFocused();
  const ring = await control.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      visible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
  expect(ring).toEqual({ visible: true, outline: 'solid 3px' });
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: Refresh and Test keep the focus and its ring`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('vips-found', { viewport: size, waitForValues: true });
    const readAt = page.locator('.read-at');
    const refresh = page.getByRole('button', { name: 'Refresh' });
    const before = await readAt.textContent();
    await refresh.focus();
    await page.keyboard.press('Enter');
    // The read has ended when "Read at" is back (its time may be the same second).
    await expect(readAt).toHaveText(/^Read at /);
    await expect(page.getByRole('switch', { name: 'IPv4 non-local bind' })).toBeVisible();
    await expectRing(page, refresh);
    expect(before).toMatch(/^Read at /);
    // A mouse click keeps it too (the ring is the keyboard's only).
    await refresh.click();
    await expect(readAt).toHaveText(/^Read at /);
    await expect(refresh).toBeFocused();

    await page.getByLabel('IP address').fill('192.0.2.10');
    const testButton = page.getByRole('button', { name: 'Test', exact: true });
    await testButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bind-result')).toContainText('192.0.2.10');
    await expectRing(page, testButton);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('on "Pair and fleet", "Read all again" and "Test binding there" keep the focus', async ({
  demoPage,
}) => {
  const { page } = await demoPage('vips-found', { waitForValues: true });
  await page.getByRole('tab', { name: /Pair and fleet/ }).click();
  const again = page.getByRole('button', { name: 'Read all again' });
  await expect(again).toBeVisible();
  await again.focus();
  await page.keyboard.press('Enter');
  await expect(again).toHaveText('Read all again');
  await expectRing(page, again);
  const there = page.getByRole('button', { name: 'Test binding the virtual IPs on This computer' });
  await there.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.bind-results').first()).toContainText('192.0.2.10');
  await expectRing(page, there);
});
