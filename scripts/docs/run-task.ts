import type { Browser, Locator, Page } from 'playwright-core';
import { startPreview, withLang } from '../../test/harness/preview';
import { openFrozenPage, settle, type ColorScheme } from './freeze-page';
import { expect } from '@playwright/test';
import { appLabels, type GuideLanguage } from './guide-language';
import {
  quotedClaims,
  screenshotName,
  type GuideStep,
  type GuideTask,
  type Label,
} from './steps-kit';

/** What a step showed, for the guide: its screenshot and the commands on screen. */
export interface StepRecord {
  readonly step: GuideStep;
  readonly screenshot: string;
  readonly commands: readonly { readonly title: string; readonly commands: string }[];
}

export type Shoot = (page: Page, fileName: string) => Promise<void>;

async function readCommandBlocks(page: Page): Promise<StepRecord['commands']> {
  return page.locator('.command-block').evaluateAll((blocks) =>
    blocks.map((b) => ({
      title: b.querySelector('figcaption span')?.textContent ?? '',
      commands: b.querySelector('pre')?.textContent ?? '',
    })),
  );
}

/**
 * Every phrase the guide quotes at this step must be in the window, where the
 * step's screenshot shows it, or the guide is stale; then the step's own checks
 * for what the words claim without quoting (a style, a state).
 */
async function checkClaims(
  page: Page,
  task: GuideTask,
  step: GuideStep,
  label: Label,
): Promise<void> {
  for (const claim of quotedClaims(step.say)) {
    await expect
      .poll(() => someInWindow(page.getByText(claim).filter({ visible: true })), {
        message: `guide step ${task.id}/${step.id} quotes "${claim}", which is not in the window`,
        timeout: 3_000,
      })
      .toBe(true);
  }
  await checkAlertsAreTheStepsOwn(page, task, step);
  if (step.verify) await step.verify(page, label);
}

/**
 * The screenshot must not show a message the step does not talk about: an alert left over
 * from the step before (guide step 15.2 once showed 15.1's file-name error) is stale. Every
 * alert with words inside the window must contain one of the phrases the step quotes.
 */
async function checkAlertsAreTheStepsOwn(
  page: Page,
  task: GuideTask,
  step: GuideStep,
): Promise<void> {
  const claims = quotedClaims(step.say);
  for (const alert of await page.getByRole('alert').filter({ visible: true }).all()) {
    const text = ((await alert.textContent()) ?? '').trim();
    if (text === '' || !(await someInWindow(alert))) continue;
    const named = claims.some((claim) => text.includes(claim));
    expect(
      named,
      `guide step ${task.id}/${step.id} shows the message "${text.slice(0, 120)}", which its words do not quote`,
    ).toBe(true);
  }
}

/** Whether any of the matches lies wholly inside the window (the part the screenshot shows). */
async function someInWindow(matches: Locator): Promise<boolean> {
  const size = matches.page().viewportSize();
  if (!size) return false;
  for (const box of await Promise.all((await matches.all()).map((m) => m.boundingBox()))) {
    // A pixel of slack: scrolling to an element can leave it at a fractional offset.
    if (box && box.y >= -1 && box.x >= -1 && box.y + box.height <= size.height + 1) return true;
  }
  return false;
}

/**
 * Walks one task in its own demo preview (a fresh temporary system each
 * time, so every run starts from the same state) and calls `shoot` at each step.
 */
export async function runTask(
  browser: Browser,
  task: GuideTask,
  scheme: ColorScheme,
  shoot: Shoot,
  options: { readonly distDir?: string; readonly language?: GuideLanguage } = {},
): Promise<StepRecord[]> {
  const { distDir, language = 'en' } = options;
  // The step's clicks find the buttons by the words the page shows in that language.
  const label = appLabels(language);
  const preview = await startPreview({ args: ['--demo', task.scenario], distDir });
  const { context, page } = await openFrozenPage(browser, scheme);
  const records: StepRecord[] = [];
  try {
    // The page's language is the guide's: the renderer takes `?lang=` before the browser's own.
    await page.goto(language === 'en' ? preview.url : withLang(preview.url, language));
    await page.getByTestId('value-ipv4').waitFor();
    for (const step of task.steps) {
      if (step.act) await step.act(page, label);
      await settle(page);
      await checkClaims(page, task, step, label);
      const screenshot = screenshotName(task, step, scheme);
      await shoot(page, screenshot);
      records.push({
        step,
        screenshot,
        commands: step.commands ? await readCommandBlocks(page) : [],
      });
    }
  } finally {
    await context.close();
    await preview.stop();
  }
  return records;
}
