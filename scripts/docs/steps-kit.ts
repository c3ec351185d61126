// The guide's building blocks: what a task and a step are, and the moves every task shares.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * An app label in the guide's language: the app's catalog entry for that English message,
 * with its placeholders filled (`label('Test {address}', { address: '192.0.2.11' })`). The
 * guide runner hands it to each step, so a German guide clicks the German buttons the
 * customer sees.
 */
export type Label = (english: string, values?: Readonly<Record<string, string | number>>) => string;

/** One moment of a task: what to do on screen, then what the support person says about it. */
export interface GuideStep {
  /** Part of the screenshot name: docs/screenshots/<task>-<step>-<light|dark>.png. */
  readonly id: string;
  /** Heading of the step in the guide. */
  readonly title: string;
  /** The words to say to the person on the phone. */
  readonly say: string;
  /** Drives the real UI to this step; it waits for what the screenshot must show. */
  readonly act?: (page: Page, label: Label) => Promise<void>;
  /** Copy the equivalent shell commands shown on screen into the guide. */
  readonly commands?: boolean;
  /** Checks what the words claim without quoting it (a style, a state, a file's bytes). */
  readonly verify?: (page: Page, label: Label) => Promise<void>;
}

/** A task a user wants done, rehearsed in one demo scenario. */
export interface GuideTask {
  readonly id: string;
  readonly title: string;
  /** The demo scenario (`--demo NAME`) the task runs in. */
  readonly scenario: string;
  /** When a support person meets this situation. */
  readonly when: string;
  readonly steps: readonly GuideStep[];
  /** Part of the visual regression test (key states only, to keep the test fast). */
  readonly visual?: boolean;
}

export const ipv4Switch = (page: Page) => page.getByRole('switch', { name: /IPv4/ });
export const applyButton = (page: Page, label: Label) =>
  page.getByRole('button', { name: label('Apply…') });

/** Puts what a step shows at the top of the window, the same way on every run. */
export async function scrollToTop(target: Locator): Promise<void> {
  await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** The app's message for an error, by its English message and the values it names. */
export interface ErrorWords {
  readonly message: string;
  readonly values?: Readonly<Record<string, string>>;
}

async function applyAndExpectError(page: Page, label: Label, words: ErrorWords): Promise<void> {
  await ipv4Switch(page).click();
  await applyButton(page, label).click();
  const headline = label(words.message, words.values);
  await expect(page.getByRole('alert').filter({ hasText: headline })).toBeVisible();
}

export function errorTask(
  id: string,
  scenario: string,
  title: string,
  when: string,
  words: ErrorWords,
  say: string,
): GuideTask {
  return {
    id,
    title,
    scenario,
    when,
    steps: [
      {
        id: 'message',
        title: 'The message after Apply',
        say,
        act: (page, label) => applyAndExpectError(page, label, words),
      },
    ],
  };
}

/** The phrases a step's words quote ("…"): each must be on screen at that step. */
export function quotedClaims(say: string): string[] {
  return [...say.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '').filter((c) => c !== '');
}

/** The screenshot file name of a step. */
export function screenshotName(task: GuideTask, step: GuideStep, scheme: 'light' | 'dark'): string {
  return `${task.id}-${step.id}-${scheme}.png`;
}
