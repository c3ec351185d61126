import type { Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, points 1 and 7: the conflict fix says which line it changes and why, keeps
 * the note it fixes in view, and its undo leaves nothing behind; a change that would not
 * stick at boot, or that changes nothing, is never offered to Apply.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

const apply = (page: Page) => page.getByRole('button', { name: /^Apply/ });

/** The element's box lies above the bar's top edge (the bar is fixed to the bottom). */
async function aboveBar(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`);
    const bar = document.querySelector('[data-testid="apply-bar"]');
    if (!element || !bar) return false;
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= bar.getBoundingClientRect().top + 0.5;
  }, testId);
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: "Make both keep it on" shows its line and why, keeps its note in view, and undo leaves nothing to apply`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('conflict-sysctl-conf', {
      viewport: size,
      waitForValues: true,
    });
    await page.getByRole('button', { name: 'Make both keep it on' }).click();

    // Point 7: the exact line, on the card and in the bar, with the reason.
    await expect(page.getByTestId('boot-pending-ipv4')).toHaveText(
      '→ pending: line 3 of /etc/sysctl.conf: 0 → 1',
    );
    await expect(page.getByTestId('fix-waiting-ipv4')).toHaveText(
      'The fix waits in the bar: line 3 of /etc/sysctl.conf: 0 → 1.',
    );
    const fixLine = page.getByTestId('fix-line-ipv4');
    await expect(fixLine).toContainText('Changes line 3 of /etc/sysctl.conf: 0 → 1.');
    await expect(fixLine).toContainText(
      'reads /etc/sysctl.conf after every other file, so its line decides',
    );
    // The note the fix is about has the focus and is not under the bar.
    await expect(page.getByTestId('disagree-ipv4')).toBeFocused();
    expect(await aboveBar(page, 'disagree-ipv4')).toBe(true);
    await expect(apply(page)).toBeEnabled();
    await expect(apply(page)).toBeInViewport({ ratio: 1 });
    expect(await axeViolations(page)).toEqual([]);

    // Point 1: undo restores the state before the fix: nothing waits, nothing to apply.
    await page.getByRole('button', { name: 'undo' }).click();
    await expect(page.getByTestId('apply-bar')).toHaveCount(0);
    await expect(apply(page)).toHaveCount(0);
    await expect(page.getByTestId('boot-pending-ipv4')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Make both keep it on' })).toBeVisible();

    // The fix applied for real settles it: the note goes, and success is only then reported.
    await page.getByRole('button', { name: 'Make both keep it on' }).click();
    await apply(page).click();
    await expect(page.getByTestId('apply-success')).toContainText('Applied.');
    await expect(page.getByTestId('apply-success')).not.toContainText('not settled');
    await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);
  });
}

test('a change that would not stick at boot cannot be applied, says why, and the fix makes it applicable', async ({
  sandbox,
  realPreview,
}) => {
  sandbox.writeText('/etc/sysctl.d/99-zz-ha.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  sandbox.run('ln', ['-s', '../sysctl.conf', '/etc/sysctl.d/99-sysctl.conf']);
  sandbox.writeText('/etc/sysctl.conf', '# site defaults\nnet.ipv4.ip_nonlocal_bind = 0\n');
  const { page } = await realPreview({ sandbox, viewport: { width: 800, height: 600 } });
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(page.getByTestId('conflicts')).toContainText('would not stick');
  await expect(apply(page)).toBeDisabled();
  await expect(page.getByTestId('apply-block')).toHaveText(
    'Apply is off: this would not stick at boot. Use the fix above, or choose “This session only”.',
  );
  await expect(apply(page)).toHaveAccessibleDescription(/would not stick at boot/);
  // "This session only" does not pretend to last: Apply may run.
  await page.getByRole('radio', { name: 'This session only' }).check();
  await expect(apply(page)).toBeEnabled();
  await page.getByRole('radio', { name: 'Now and at every boot' }).check();
  await page.getByRole('button', { name: 'Use /etc/sysctl.conf' }).click();
  await expect(page.getByTestId('fix-line-ipv4')).toContainText(
    'Changes line 2 of /etc/sysctl.conf: 0 → 1.',
  );
  await expect(apply(page)).toBeEnabled();
  await expect(page.getByTestId('apply-block')).toHaveCount(0);
  await apply(page).click();
  await expect(page.getByTestId('apply-success')).toContainText('Applied.');
  expect(sandbox.readText('/etc/sysctl.conf')).toBe(
    '# site defaults\nnet.ipv4.ip_nonlocal_bind = 1\n',
  );
});
