import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../test/support/preview';
import type { GuideStep } from './steps';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const VIEWPORT = { width: 1000, height: 800 };
const FIXED_READ_AT = '2026-01-15T09:30:00.000Z';

export function screenshotName(step: GuideStep, theme: Theme): string {
  return `${step.task}-${step.step}-${theme}.png`;
}

/**
 * Makes what the page shows independent of when and where it runs: the read time,
 * the report's time stamp and the kernel release are the only values that come
 * from the clock or the host in a demo, and they are pinned in the API answers.
 */
async function pinVolatileValues(page: Page): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace(/"readAt":"[^"]+"/g, `"readAt":"${FIXED_READ_AT}"`)
      .replace(/Generated: [^\\"]+/g, `Generated: ${FIXED_READ_AT}`)
      .replace(/Kernel release: [^\\"]+/g, 'Kernel release: 6.1.0-demo');
    await route.fulfill({ response, body });
  });
}

export interface OpenedStep {
  readonly page: Page;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh simulated system per step, so steps never see each other's changes. */
export async function openStep(
  browser: Browser,
  step: GuideStep,
  theme: Theme,
): Promise<OpenedStep> {
  const preview: RunningPreview = await startPreview({ args: ['--demo', step.scenario] });
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: theme,
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await pinVolatileValues(page);
  await page.goto(preview.url);
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await step.act(page);
  return {
    page,
    context,
    close: async () => {
      await context.close();
      await preview.stop();
    },
  };
}
