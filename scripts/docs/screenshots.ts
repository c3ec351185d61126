import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { launchChromium } from '../../test/harness/chromium';
import { SHOT_OPTIONS } from './freeze-page';
import { GUIDE_TASKS, type GuideTask } from './steps';
import { PAIR_TASK } from './steps-pair';
import {
  guideWords,
  languageArgument,
  missingTranslations,
  translateTasks,
  type GuideLanguage,
} from './guide-language';
import { renderGuide, type TaskRecord } from './render-guide';
import { runTask } from './run-task';

// Entry of `npm run docs:screenshots` (after `npm run build`): regenerates
// docs/screenshots/*.png and docs/guide.md. The PNGs are also the visual
// regression baselines of test/e2e/visual-regression.spec.ts.
const DOCS = path.resolve('docs');
const SHOTS = path.join(DOCS, 'screenshots');

async function walk(
  browser: Browser,
  task: GuideTask,
  into: string,
  language: GuideLanguage,
): Promise<TaskRecord> {
  const shoot = async (page: Parameters<Parameters<typeof runTask>[3]>[0], name: string) => {
    await page.screenshot({ path: path.join(into, name), ...SHOT_OPTIONS });
  };
  const steps = await runTask(browser, task, 'light', shoot, { language });
  // The English guide shows a dark twin of every image; the translated ones are light only.
  if (language === 'en') await runTask(browser, task, 'dark', shoot, { language });
  return { task, steps };
}

/** Runs `jobs` with at most `limit` at a time, keeping their order in the result. */
async function runLimited<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job) results[index] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/**
 * Replaces the guide's own images with the new ones, so images of removed steps do not
 * linger. pair-*.png come from `npm run docs:pair`, namespaces-*.png from
 * `npm run docs:namespaces`: neither from the guide's tasks.
 */
async function replaceShots(fresh: string, shots: string, english: boolean): Promise<void> {
  await mkdir(shots, { recursive: true });
  for (const name of await readdir(shots)) {
    const own = !english || (!name.startsWith('pair-') && !name.startsWith('namespaces-'));
    if (name.endsWith('.png') && own) await rm(path.join(shots, name));
  }
  for (const name of await readdir(fresh))
    await copyFile(path.join(fresh, name), path.join(shots, name));
}

async function main(): Promise<void> {
  const chosen = languageArgument(process.argv.slice(2));
  if (!chosen.ok) throw new Error(chosen.error);
  const { language } = chosen;
  const english = language === 'en';
  // Every word first: a guide in German with one English sentence is not written at all.
  const missing = missingTranslations(language, [...GUIDE_TASKS, PAIR_TASK]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} guide texts have no ${language} translation:\n${missing.join('\n')}`,
    );
  }
  const words = guideWords(language);
  const tasks = translateTasks(GUIDE_TASKS, words);
  const shots = english ? SHOTS : path.join(SHOTS, language);
  // The new images wait aside until every step passed its checks: a stale claim fails the
  // run without touching docs/ (whose PNGs are the visual regression test's baselines).
  const fresh = await mkdtemp(path.join(os.tmpdir(), 'nb-guide-shots-'));
  const browser = await launchChromium();
  try {
    const walks = [...tasks, ...(english ? [] : translateTasks([PAIR_TASK], words))];
    const records = await runLimited(
      walks.map((task) => () => walk(browser, task, fresh, language)),
      2,
    );
    await replaceShots(fresh, shots, english);
    // Formatted with the project's Prettier settings so `prettier --check .` stays clean.
    const guidePath = path.join(DOCS, english ? 'guide.md' : `guide.${language}.md`);
    const options = (await resolveConfig(guidePath)) ?? {};
    const layout = english
      ? { shots: 'screenshots', dark: true }
      : { shots: `screenshots/${language}`, dark: false, pair: records[tasks.length] };
    const guide = await format(
      renderGuide(records.slice(0, tasks.length), DEMO_SCENARIOS, words, layout),
      { ...options, filepath: guidePath },
    );
    await writeFile(guidePath, guide);
    const count = records.reduce((n, r) => n + r.steps.length * (english ? 2 : 1), 0);
    process.stdout.write(`Wrote ${count} screenshots to ${shots} and ${guidePath}\n`);
  } finally {
    await browser.close();
    await rm(fresh, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `docs:screenshots: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
