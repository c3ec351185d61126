import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { GUIDE_TASKS, type GuideTask } from '../../scripts/docs/steps';
import { runTask } from '../../scripts/docs/run-task';
import { launchChromium } from '../support/chromium';

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

function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  // Every impact counts, moderate and minor too (the demo banner's region among them).
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
}

/**
 * Every rule in the light scheme, then the dark scheme on the same page. Only
 * colour contrast depends on the scheme (the DOM is the same), so dark runs
 * that rule alone, which keeps the test fast.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page })
    .withRules(['color-contrast'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  await page.emulateMedia({ colorScheme: 'light' });
  return [
    ...describe(light.violations).map((v) => `light: ${v}`),
    ...describe(dark.violations).map((v) => `dark: ${v}`),
  ];
}

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
