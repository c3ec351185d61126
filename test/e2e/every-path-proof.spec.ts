import type { Page } from '@playwright/test';
import { SUCCESS_FOLD_MS } from '../../renderer/src/components/outcome-timing';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, points 4 and 12: the proof stays next to the result. A failed bind test offers
 * the switch that fixes it; after an Apply the old result is marked out of date and the
 * success message offers "Test VIP now" (the load balancers' VIPs, or a field); the
 * message folds to one line after a few seconds or as soon as the page scrolls.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

const apply = (page: Page) => page.getByRole('button', { name: /^Apply/ });

for (const size of SIZES) {
  test(`${size.width}x${size.height}: a failed test offers its switch, the old result goes out of date, and "Test VIP now" proves the VIPs`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('vips-found', { viewport: size, waitForValues: true });
    const panel = page.getByRole('region', { name: 'Test a virtual IP' });
    await panel.getByLabel('IP address').fill('192.0.2.10');
    await panel.getByRole('button', { name: 'Test' }).click();
    const result = page.getByTestId('bind-result');
    await expect(result).toContainText('IPv4 non-local bind is off');
    await result.getByRole('button', { name: 'Turn IPv4 non-local bind on' }).click();
    await expect(page.getByTestId('value-ipv4')).toHaveText('Off → On (pending)');
    await expect(apply(page)).toBeEnabled();
    await apply(page).click();

    // The old "fails" is marked out of date, not left standing beside "Applied.".
    const success = page.getByTestId('apply-success');
    await expect(success).toContainText('Applied.');
    await expect(page.getByTestId('bind-result-stale')).toHaveText(
      'Out of date, tested before the last Apply: ',
    );
    await expect(result.getByRole('button', { name: /Turn .* on/ })).toHaveCount(0);

    // The proof from the success message: every VIP the load balancer files name.
    const testNow = success.getByRole('button', { name: 'Test VIP now' });
    await expect(testNow).toBeInViewport({ ratio: 1 });
    await testNow.click();
    const results = page.getByTestId('outcome-vip-results');
    await expect(results.getByRole('listitem')).toHaveCount(3);
    await expect(results).toContainText('192.0.2.10: works');
    await expect(results).toContainText('192.0.2.11: works');
    await expect(results).toContainText('2001:db8::10: fails');
    await expect(results).toBeInViewport();
    expect(await axeViolations(page)).toEqual([]);
    // The IPv6 VIP fails: its switch is one click away, and the change waits in the bar.
    await results.getByRole('button', { name: 'Turn IPv6 non-local bind on' }).click();
    await expect(page.getByTestId('value-ipv6')).toHaveText('Off → On (pending)');
    await expect(apply(page)).toBeInViewport({ ratio: 1 });
  });

  test(`${size.width}x${size.height}: the success message folds to one line after ${SUCCESS_FOLD_MS} ms and at once on scroll`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('fresh', { viewport: size, waitForValues: true });
    await page.getByRole('switch', { name: /IPv4/ }).click();
    await apply(page).click();
    const success = page.getByTestId('apply-success');
    await expect(success).toContainText('Read back from the system.');
    await expect(success).not.toContainText('values above');
    await expect(success).not.toHaveClass(/folded/);
    const full = await success.boundingBox();
    // Folds by itself: waited for no longer than the fold time plus the expect margin.
    await expect(success).toHaveClass(/folded/, { timeout: SUCCESS_FOLD_MS + 10_000 });
    const folded = await success.boundingBox();
    const line = await success
      .locator('.success-text')
      .evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect(folded?.height ?? Infinity).toBeLessThan(full?.height ?? 0);
    // One line of text, the buttons beside it: the panel's padding and border only add.
    expect(folded?.height ?? Infinity).toBeLessThanOrEqual(line + 24);
    await expect(success.getByRole('button', { name: 'Test VIP now' })).toBeVisible();
    await expect(success.getByRole('button', { name: 'Done' })).toBeVisible();

    // A second Apply starts unfolded; scrolling folds it at once.
    await page.getByRole('switch', { name: /IPv6/ }).click();
    await apply(page).click();
    await expect(success).toContainText('IPv6');
    await expect(success).not.toHaveClass(/folded/);
    const started = Date.now();
    await page.mouse.move(size.width / 2, 100);
    await page.mouse.wheel(0, 300);
    await expect(success).toHaveClass(/folded/);
    expect(Date.now() - started).toBeLessThan(SUCCESS_FOLD_MS);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('with no VIP in the load balancer files, "Test VIP now" asks for one in a field', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', {
    viewport: { width: 800, height: 600 },
    waitForValues: true,
  });
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await apply(page).click();
  await page.getByRole('button', { name: 'Test VIP now' }).click();
  const field = page.getByRole('textbox', { name: /Virtual IP/ });
  await expect(field).toBeFocused();
  await field.fill('192.0.2.50');
  await page.getByTestId('outcome-vip-test').getByRole('button', { name: 'Test' }).click();
  await expect(page.getByTestId('outcome-vip-results')).toContainText('192.0.2.50: works');
  expect(await axeViolations(page)).toEqual([]);
});
