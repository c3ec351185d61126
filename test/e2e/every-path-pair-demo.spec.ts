import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 5: "Pair and fleet" can be tried fully in the demo. Its second node,
 * lb-2, is a simulated node target (electron/demo/simulated-node.ts): a host key to
 * confirm, differences, a bind test there, sudo and "make all alike".
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

async function openPair(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Pair and fleet/ }).click();
  await expect(page.getByTestId('pair-table')).toContainText('This computer (lb-1)');
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: the demo pair, from a malformed destination to make-alike`, async ({
    demoPage,
  }) => {
    test.setTimeout(60_000);
    const { page } = await demoPage('vips-found', { viewport: size, waitForValues: true });
    await openPair(page);
    await expect(page.getByTestId('demo-node-hint')).toContainText('lb-2');
    await expect(page.getByText('No nodes yet')).toBeVisible();
    // Before: one input, a red and a blue copy of "not in the demo". Now: no notice at all.
    await expect(page.getByTestId('nodes-unavailable')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    // A malformed destination gets its own specific error, once.
    const field = page.getByLabel('SSH destination');
    await field.fill('bad host!');
    await page.getByRole('button', { name: 'Add node' }).click();
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('alert')).toContainText('"bad host!" contains a character');
    // A name no simulated network knows: ssh's own answer, not the demo's.
    await field.fill('lb-9');
    await page.getByRole('button', { name: 'Add node' }).click();
    await expect(page.getByRole('alert')).toContainText('lb-9');
    await expect(page.getByRole('alert')).toContainText('The node was not added.');

    // lb-2: its host key is shown and must be trusted first.
    await field.fill('lb-2');
    await page.getByRole('button', { name: 'Add node' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Do you trust lb-2?');
    await expect(dialog).toContainText('SHA256:');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Trust this key and add' }).click();

    const table = page.getByTestId('pair-table');
    await expect(table).toContainText('lb-2');
    // The demo's node is simulated, and its heading says so (not "SSH", which it never uses).
    const lb2Heading = table.getByRole('columnheader', { name: /^lb-2/ });
    await expect(lb2Heading).toHaveText('lb-2 (simulated node)');
    await expect(table.getByRole('columnheader', { name: /SSH/ })).toHaveCount(0);
    await expect(
      page.getByText('lb-2 has IPv4 non-local bind on now; this computer has it off.'),
    ).toBeVisible();
    await expect(table).toContainText('192.0.2.10:80');
    // VIP advice follows each machine's own setting: lb-2 has IPv4 on, so it needs nothing.
    const vipCells = table.getByRole('row', { name: /Virtual IPs in its configuration/ });
    const lb2Vips = vipCells.getByRole('cell').nth(1).locator('.node-vips');
    await expect(lb2Vips).toContainText(
      'HAProxy: Not on lb-2: HAProxy can start there anyway, as IPv4 non-local bind is on there already.',
    );
    await expect(lb2Vips).not.toContainText('needs');

    // The bind test runs there, on the node's simulated setting and addresses.
    const test2 = page.getByRole('button', { name: 'Test binding the virtual IPs on lb-2' });
    await test2.click();
    await expect(table.locator('.bind-results')).toContainText('192.0.2.10: works');
    expect(await axeViolations(page)).toEqual([]);

    // Make the node like this computer: the plan, sudo's password, one outcome a machine.
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const password = page.getByLabel('sudo password for lb-2');
    await expect(password).toBeVisible();
    await password.fill('demo');
    await page.getByRole('button', { name: 'Apply to 1 machine' }).click();
    const outcome = page.getByRole('heading', { name: 'Outcome on each machine' });
    await expect(outcome).toBeVisible();
    await expect(page.locator('.outcomes')).toContainText('Applied: lb-2');
    await expect(
      page.getByText('All machines that could be read agree, now and at boot.'),
    ).toBeVisible();
    // Made like this computer, lb-2 has it off now: only then does its advice say it needs it.
    await expect(lb2Vips).toContainText(
      'HAProxy: Not on lb-2: HAProxy needs IPv4 non-local bind to start there.',
    );
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the demo node keeps the sudo rule: no password, no change', async ({ demoPage }) => {
  const { page } = await demoPage('fresh', { waitForValues: true });
  await openPair(page);
  await page.getByLabel('SSH destination').fill('lb-2');
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('button', { name: 'Trust this key and add' }).click();
  await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
  // The plan waits for the password: Apply cannot be pressed without it.
  await expect(page.getByLabel('sudo password for lb-2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply to 1 machine' })).toBeDisabled();
});
