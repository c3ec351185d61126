import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 9: one word for one idea (docs/glossary.md). Every screen a newcomer
 * reaches in the demo, and the README and guides, are searched for the retired words.
 */
const RETIRED: readonly RegExp[] = [
  /after a (restart|reboot)/i,
  /at the next reboot/i,
  /\b(on|off) under both engines/i,
  /Both nodes of a pair/i,
  /For more machines/i,
  /For a larger fleet/i,
  /Make all nodes like this one/i,
  /kept at boot/i,
  /The kernel now:/i,
  /: (On|Off): /,
];

function retiredIn(text: string): string[] {
  return RETIRED.flatMap((r) => {
    const m = r.exec(text);
    return m ? [`${r.source}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…`] : [];
  });
}

const shown = (page: Page) => page.evaluate(() => document.body.innerText);

test('the demo uses the glossary words on every screen', async ({ demoPage }) => {
  test.setTimeout(90_000);
  const seen: string[] = [];
  for (const scenario of ['fresh', 'drift', 'conflict-sysctl-conf', 'enabled-runtime-only']) {
    const { page } = await demoPage(scenario, { waitForValues: true });
    // A pending change shows the bar, its durations and the card's pending sentence.
    await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
    await page.getByText('Equivalent commands').click();
    seen.push(...retiredIn(await shown(page)));
    await page.getByRole('radio', { name: 'This session only' }).check();
    seen.push(...retiredIn(await shown(page)));
  }
  const { page } = await demoPage('vips-found', { waitForValues: true });
  await page.getByRole('tab', { name: /Pair and fleet/ }).click();
  await expect(page.getByRole('heading', { name: 'Pair and fleet' })).toBeVisible();
  await page.getByLabel('SSH destination').fill('lb-2');
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('button', { name: 'Trust this key and add' }).click();
  await expect(page.getByTestId('pair-table')).toContainText('lb-2');
  await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
  await page.getByText('For a fleet: Ansible or cloud-init').click();
  seen.push(...retiredIn(await shown(page)));
  expect(seen).toEqual([]);
});

test('README, guide and pair walkthrough use the glossary words', () => {
  const found = ['README.md', 'docs/guide.md', 'docs/pair-walkthrough.md'].flatMap((file) =>
    retiredIn(readFileSync(file, 'utf8')).map((r) => `${file}: ${r}`),
  );
  expect(found).toEqual([]);
});
