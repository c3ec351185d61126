import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { GUIDE_TASKS, type GuideTask } from '../../scripts/docs/steps';
import { runTask } from '../../scripts/docs/run-task';
import { launchChromium } from '../harness/chromium';

/**
 * axe-core over every step of the guide (which visits every scenario's main
 * states, errors and open panels) and over the start of every other scenario,
 * in light and dark: no violations of any impact.
 */
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

/** Opens every disclosure and panel, so their content is checked too. */
async function openEverything(page: Page): Promise<void> {
  // A pending change brings up the apply bar and its own disclosures.
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await page.getByRole('button', { name: 'change file name' }).click();
  for (const summary of await page.locator('summary').all()) await summary.click();
  await page.getByRole('button', { name: 'Show diagnostics' }).click();
  await page.getByRole('button', { name: 'Find virtual IPs' }).click();
  await page.getByRole('radio', { name: /This session only/ }).check();
  await page.getByTestId('diagnostics-text').waitFor();
}

// Scenarios no guide task walks get one visit with everything open.
const covered = new Set(GUIDE_TASKS.map((t) => t.scenario));
const VISITS: readonly GuideTask[] = [
  ...GUIDE_TASKS,
  ...DEMO_SCENARIOS.filter((s) => !covered.has(s.name)).map((s) => ({
    id: `scenario-${s.name}`,
    title: s.name,
    scenario: s.name,
    when: s.summary,
    steps: [{ id: 'everything-open', title: 'everything open', say: '', act: openEverything }],
  })),
];

test('every demo scenario is visited', () => {
  const visited = new Set(VISITS.map((v) => v.scenario));
  expect(DEMO_SCENARIOS.filter((s) => !visited.has(s.name))).toEqual([]);
});

for (const visit of VISITS) {
  test(`${visit.id} (${visit.scenario}): no axe violations at all, light and dark`, async () => {
    const problems: string[] = [];
    let checked = 0;
    await runTask(browser, visit, 'light', async (page, name) => {
      checked += 1;
      for (const p of await axeViolations(page)) problems.push(`${name}: ${p}`);
    });
    expect(checked).toBe(visit.steps.length);
    expect(problems).toEqual([]);
  });
}
