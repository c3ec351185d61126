import { axeViolations } from '../support/axe';
import { describeFocus } from '../support/demo-page';
import { test, expect } from '../support/fixtures';

/**
 * A control that goes away when used must hand the focus to what replaced it,
 * never to <body>; and the pending change stays in reach from every view.
 */
const WINDOW = { width: 920, height: 760 } as const;

test('"Keep it at every boot instead" leaves the focus on the choice it made', async ({
  demoPage,
}) => {
  const { page } = await demoPage('persisted', { viewport: WINDOW, waitForValues: true });
  await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
  await page.getByRole('radio', { name: /This session only/ }).check();
  await page.getByRole('button', { name: 'Keep it at every boot instead' }).press('Enter');
  const persist = page.getByRole('radio', { name: /Now and at every boot/ });
  await expect(persist).toBeChecked();
  await expect(persist, await describeFocus(page)).toBeFocused();
});

test('"change file name" puts the focus in the field it opens', async ({ demoPage }) => {
  const { page } = await demoPage('fresh', { viewport: WINDOW, waitForValues: true });
  await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
  await page.getByRole('button', { name: 'change file name' }).press('Enter');
  await expect(page.getByLabel(/File in \/etc\/sysctl\.d/)).toBeFocused();
  await page.keyboard.type('x');
  await expect(page.getByLabel(/File in \/etc\/sysctl\.d/)).toHaveValue('90-nonlocal-bind.confx');
});

test('a conflict fix leaves the focus on the line naming the file it chose', async ({
  demoPage,
}) => {
  const { page } = await demoPage('conflict-sysctl-conf', {
    viewport: WINDOW,
    waitForValues: true,
  });
  // Off into an early file: 99-zz-ha.conf turns it back on at boot under systemd-sysctl.
  await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
  await page.getByRole('button', { name: 'change file name' }).click();
  await page.getByLabel(/File in \/etc\/sysctl\.d/).fill('10-a.conf');
  const fix = page.getByTestId('conflicts').getByRole('button', { name: 'Use 99-zz-ha.conf' });
  await fix.press('Enter');
  await expect(page.getByTestId('file-action')).toContainText('/etc/sysctl.d/99-zz-ha.conf');
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await expect(page.getByTestId('file-action'), await describeFocus(page)).toBeFocused();
});

test('undoing the /etc/sysctl.conf target puts the focus back on the fix it undid, not the page', async ({
  demoPage,
}) => {
  const { page } = await demoPage('conflict-sysctl-conf', {
    viewport: WINDOW,
    waitForValues: true,
  });
  await page.getByRole('button', { name: 'Make both keep it on' }).click();
  await expect(page.getByTestId('file-action')).toHaveText('Writing into /etc/sysctl.conf (undo)');
  await page.getByRole('button', { name: 'undo' }).press('Enter');
  // Undo restores the state before the fix (issue 19): nothing waits and the bar goes with
  // the undo link, so the focus lands on the button that offers the fix again.
  await expect(page.getByTestId('apply-bar')).toHaveCount(0);
  const again = page.getByRole('button', { name: 'Make both keep it on' });
  await expect(again, await describeFocus(page)).toBeFocused();
});

test('Ctrl+Enter in another panel’s text field is that field’s, not Apply’s', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', { viewport: WINDOW, waitForValues: true });
  await page.getByRole('switch', { name: 'IPv6 non-local bind' }).click();
  await expect(page.getByRole('button', { name: 'Apply…' })).toBeEnabled();
  const address = page.getByRole('region', { name: 'Test a virtual IP' }).getByLabel('IP address');
  await address.fill('192.0.2.10');
  await address.press('Control+Enter');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('apply-success')).toHaveCount(0);
  await expect(page.getByTestId('value-ipv6')).toHaveText('Off → On (pending)');
  // From a switch, as the hint says, it applies.
  await page.getByRole('switch', { name: 'IPv6 non-local bind' }).press('Control+Enter');
  await expect(page.getByTestId('apply-success')).toBeVisible();
});

test('the chosen persistence option’s meaning is on screen, and it follows the choice', async ({
  demoPage,
}) => {
  const { page } = await demoPage('fresh', {
    viewport: { width: 800, height: 600 },
    waitForValues: true,
  });
  await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
  const hint = page.getByTestId('persistence-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText(
    'Changes the running kernel and writes the value into a sysctl file.',
  );
  await page.getByRole('radio', { name: /This session only/ }).check();
  await expect(hint).toHaveText('Changes the value now; at the next boot the files decide again.');
  await expect(hint).toBeInViewport();
});

for (const size of [
  { width: 560, height: 480 },
  { width: 920, height: 760 },
]) {
  test(`${size.width}x${size.height}: on "Pair and fleet" the waiting change stays one key from Apply`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('fresh', { viewport: size, waitForValues: true });
    await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
    await page.getByRole('tab', { name: /Pair and fleet/ }).click();
    const bar = page.getByTestId('pending-elsewhere');
    await expect(bar).toBeInViewport({ ratio: 1 });
    await expect(bar).toContainText('A change to this computer is waiting to be applied.');
    // The demo's pair has a simulated second node, named for the newcomer; nothing failed.
    await expect(page.getByTestId('demo-node-hint')).toContainText('lb-2');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    // In the pair view's own field the key is that field's: what was typed stays.
    const destination = page.getByLabel('SSH destination');
    await destination.fill('lb-2');
    await destination.press('Control+Enter');
    await expect(destination).toHaveValue('lb-2');
    await expect(page.getByRole('tab', { name: /Pair and fleet/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByRole('heading', { name: 'Pair and fleet' }).click();
    await page.keyboard.press('Control+Enter');
    const apply = page.getByRole('button', { name: 'Apply…' });
    await expect(apply).toBeFocused();
    await expect(apply).toBeInViewport({ ratio: 1 });
    // It leads to Apply and does not press it: nothing is applied, even a moment later.
    await page.waitForTimeout(1_000);
    await expect(page.getByTestId('apply-success')).toHaveCount(0);
    await expect(page.getByTestId('value-ipv4')).toHaveText('Off → On (pending)');

    await page.getByRole('tab', { name: /Pair and fleet/ }).click();
    await bar.getByRole('button', { name: 'Review and apply…' }).click();
    await expect(apply).toBeFocused();
    await apply.press('Enter');
    await expect(page.getByTestId('apply-success')).toBeVisible();
    await page.getByRole('tab', { name: /Pair and fleet/ }).click();
    await expect(bar).toHaveCount(0);
  });
}
