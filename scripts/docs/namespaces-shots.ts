import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../../test/harness/chromium';
import { startPreview } from '../../test/harness/preview';
import { openFrozenPage, VIEWPORT } from './freeze-page';

// Entry of `npm run docs:namespaces` (after `npm run build`): the network namespaces view of
// the docker-haproxy demo, at the window's default size (920x760) and at 800x600, for
// docs/namespaces.md. The demo's listing is simulated, so the pictures are the same on
// every machine. Writes docs/screenshots/namespaces-*.png only.
const SHOTS = path.resolve('docs', 'screenshots');
const SIZES = [VIEWPORT, { width: 800, height: 600 }] as const;

async function main(): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  const preview = await startPreview({ args: ['--demo', 'docker-haproxy'] });
  const browser = await launchChromium();
  try {
    const { context, page } = await openFrozenPage(browser, 'light');
    await page.goto(preview.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const suffix = `${size.width}x${size.height}`;
      await page.getByRole('tab', { name: 'This computer' }).click();
      const line = page.getByTestId('namespaces-line');
      await line.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `namespaces-line-${suffix}.png`) });
      await line.getByRole('button', { name: 'Show network namespaces' }).click();
      await page.getByTestId('namespace-4026532601').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, `namespaces-view-${suffix}.png`) });
      await page.getByTestId('namespace-4026532601').scrollIntoViewIfNeeded();
      await page
        .getByTestId('namespace-4026532601')
        .evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SHOTS, `namespaces-container-${suffix}.png`) });
    }
    await context.close();
  } finally {
    await browser.close();
    await preview.stop();
  }
  process.stdout.write(`wrote namespaces-*.png to ${SHOTS}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `docs:namespaces: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
