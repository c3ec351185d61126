import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { launchChromium } from '../../test/harness/chromium';
import { SHOT_OPTIONS } from './freeze-page';
import { GUIDE_TASKS, type GuideTask } from './steps';
import { renderGuide, type TaskRecord } from './render-guide';
import { runTask } from './run-task';

// Entry of `npm run docs:screenshots` (after `npm run build`): regenerates
// docs/screenshots/*.png and docs/guide.md. The PNGs are also the visual
// regression baselines of test/e2e/visual-regression.spec.ts.
const DOCS = path.resolve('docs');
const SHOTS = path.join(DOCS, 'screenshots');

async function walk(browser: Browser, task: GuideTask, into: string): Promise<TaskRecord> {
  const shoot = async (page: Parameters<Parameters<typeof runTask>[3]>[0], name: string) => {
    await page.screenshot({ path: path.join(into, name), ...SHOT_OPTIONS });
  };
  const steps = await runTask(browser, task, 'light', shoot);
  await runTask(browser, task, 'dark', shoot);
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
async function replaceShots(fresh: string): Promise<void> {
  for (const name of await readdir(SHOTS)) {
    const own = !name.startsWith('pair-') && !name.startsWith('namespaces-');
    if (name.endsWith('.png') && own) await rm(path.join(SHOTS, name));
  }
  for (const name of await readdir(fresh))
    await copyFile(path.join(fresh, name), path.join(SHOTS, name));
}

async function main(): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // The new images wait aside until every step passed its checks: a stale claim fails the
  // run without touching docs/ (whose PNGs are the visual regression test's baselines).
  const fresh = await mkdtemp(path.join(os.tmpdir(), 'nb-guide-shots-'));
  const browser = await launchChromium();
  try {
    const records = await runLimited(
      GUIDE_TASKS.map((task) => () => walk(browser, task, fresh)),
      2,
    );
    await replaceShots(fresh);
    // Formatted with the project's Prettier settings so `prettier --check .` stays clean.
    const guidePath = path.join(DOCS, 'guide.md');
    const options = (await resolveConfig(guidePath)) ?? {};
    const guide = await format(renderGuide(records, DEMO_SCENARIOS), {
      ...options,
      filepath: guidePath,
    });
    await writeFile(guidePath, guide);
    const count = records.reduce((n, r) => n + r.steps.length * 2, 0);
    process.stdout.write(`Wrote ${count} screenshots to ${SHOTS} and ${DOCS}/guide.md\n`);
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
