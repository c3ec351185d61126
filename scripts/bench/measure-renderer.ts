import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../test/harness/chromium';
import { startPreview, withLang } from '../../test/harness/preview';
import { catalogChunkLocale } from '../i18n/chunk-names';
import { median, round } from './stats';

/** The language the size goal is measured in (issue 20: "in German as in English"). */
const MEASURED_LOCALE = 'de';

const gzipped = (files: readonly { bytes: Buffer }[]) =>
  files.reduce((sum, f) => sum + gzipSync(f.bytes, { level: 9 }).length, 0) / 1024;

async function jsFiles(assets: string): Promise<{ name: string; bytes: Buffer }[]> {
  const names = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  return Promise.all(
    names.map(async (name) => ({ name, bytes: await readFile(path.join(assets, name)) })),
  );
}

/** Only one language's catalog ever loads: the others are not part of what a user fetches. */
const shippedTo = (locale: string) => (f: { name: string }) => {
  const catalog = catalogChunkLocale(f.name);
  return catalog === null || catalog === locale || catalog === `${locale}-rest`;
};

/**
 * React's own share of the bundle: the renderer built once more with react, react-dom and
 * scheduler in a chunk of their own, so the app's code and the library can be told apart.
 */
async function reactShareKB(): Promise<number> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'nb-split-'));
  try {
    await build({
      configFile: path.resolve('renderer/vite.config.ts'),
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          output: {
            manualChunks: (id: string) =>
              /node_modules\/(react|react-dom|scheduler)\//.test(id) ? 'react' : undefined,
          },
        },
      },
    });
    const react = (await jsFiles(path.join(outDir, 'assets'))).find((f) => /^react-/.test(f.name));
    if (!react) throw new Error('the split build made no react chunk');
    return round(gzipped([react]), 1);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Gzipped size of the JavaScript a user in German fetches (every file but the other
 * languages' catalogs), what the page loads before its first paint (what index.html
 * names, the first-paint script and the entry with its preloads, plus the active
 * catalog), in German and in English, and React's share.
 */
export async function measureRendererSize(distDir: string) {
  const root = path.join(distDir, 'renderer');
  const all = await jsFiles(path.join(root, 'assets'));
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const namedByPage = all.filter((f) => html.includes(`assets/${f.name}`));
  const initialIn = (locale: string) => [
    ...namedByPage,
    ...all.filter((f) => catalogChunkLocale(f.name) === locale),
  ];
  const files = all.filter(shippedTo(MEASURED_LOCALE));
  const rawKB = files.reduce((sum, f) => sum + f.bytes.length, 0) / 1024;
  const gzipKB = round(gzipped(files), 1);
  const reactGzipKB = await reactShareKB();
  const catalogOf = (locale: string) =>
    round(gzipped(all.filter((f) => catalogChunkLocale(f.name) === locale)), 1);
  return {
    locale: MEASURED_LOCALE,
    files: files.length,
    rawKB: round(rawKB, 1),
    gzipKB,
    initialGzipKB: round(gzipped(initialIn(MEASURED_LOCALE)), 1),
    initialGzipKBEnglish: round(gzipped(initialIn('en')), 1),
    catalogGzipKB: { en: catalogOf('en'), [MEASURED_LOCALE]: catalogOf(MEASURED_LOCALE) },
    reactGzipKB,
    appGzipKB: round(gzipKB - reactGzipKB, 1),
  };
}

const readFcp = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );

/** A page with one line of text, answered by the browser itself: the floor any page pays. */
const EMPTY_PAGE = '<!doctype html><meta charset="utf-8"><title>empty</title><p>empty page</p>';

/**
 * First contentful paint of the app in the preview, in English and in German, and of an
 * empty page from the same origin in the same browser, in turn, fresh context each time.
 * The ratio is what the app adds over the floor the machine imposes; the top-level
 * figures are the worse language's.
 */
export async function measureFirstPaint(runs: number) {
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  const browser = await launchChromium();
  const paints: Record<'en' | 'de', number[]> = { en: [], de: [] };
  const empties: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const locale of ['en', 'de'] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(withLang(preview.url, locale));
        await page.getByRole('switch', { name: /IPv4/ }).waitFor();
        paints[locale].push(await readFcp(page));
        await context.close();
      }

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
  const emptyMedianMs = round(median(empties), 1);
  const of = (locale: 'en' | 'de') => {
    const medianMs = round(median(paints[locale]), 1);
    return { medianMs, ratioToEmpty: round(medianMs / emptyMedianMs, 2) };
  };
  const en = of('en');
  const de = of('de');
  const worse = de.ratioToEmpty >= en.ratioToEmpty ? de : en;
  return { runs, ...worse, emptyMedianMs, byLocale: { en, de } };
}
