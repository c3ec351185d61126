import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { startPreview } from '../../test/support/preview';
import { median, round } from './stats';

/** Gzipped size of every JavaScript file the renderer ships. */
export async function measureRendererSize(distDir: string) {
  const assets = path.join(distDir, 'renderer', 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzipped = 0;
  for (const f of files) {
    const bytes = await readFile(path.join(assets, f));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, rawKB: round(raw / 1024, 1), gzipKB: round(gzipped / 1024, 1) };
}

const readFcp = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );

/** A page with one line of text, answered by the browser itself: the floor any page pays. */
const EMPTY_PAGE = '<!doctype html><meta charset="utf-8"><title>empty</title><p>empty page</p>';

/**
 * First contentful paint of the app in the preview, and of an empty page from
 * the same origin in the same browser, alternately, fresh context each time.
 * The ratio is what the app adds over the floor the machine imposes.
 */
export async function measureFirstPaint(runs: number) {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  const browser = await launchChromium();
  const paints: number[] = [];
  const empties: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(preview.url);
      await page.getByRole('switch', { name: /IPv4/ }).waitFor();
      paints.push(await readFcp(page));
      await context.close();

      const emptyContext = await browser.newContext();
      await emptyContext.route(`${preview.origin}/empty.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: EMPTY_PAGE }),
      );
      const empty = await emptyContext.newPage();
      await empty.goto(`${preview.origin}/empty.html`);
      await empty.getByText('empty page').waitFor();
      empties.push(await readFcp(empty));
      await emptyContext.close();
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  const medianMs = round(median(paints), 1);
  const emptyMedianMs = round(median(empties), 1);
  return { runs, medianMs, emptyMedianMs, ratioToEmpty: round(medianMs / emptyMedianMs, 2) };
}
