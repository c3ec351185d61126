import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** First contentful paint of the preview page in Chromium, fresh page each time. */
export async function measureFirstPaint(runs: number) {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  const browser = await launchChromium();
  const paints: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(preview.url);
      await page.getByRole('switch', { name: /IPv4/ }).waitFor();
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      );
      paints.push(fcp);
      await context.close();
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  return { runs, medianMs: round(median(paints), 1) };
}
