import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../test/harness/chromium';
import { startPreview } from '../../test/harness/preview';
import { openFrozenPage, VIEWPORT } from './freeze-page';

// Entry of `npm run docs:namespaces` (after `npm run build`): the network namespaces view of
// the docker-haproxy demo, at the window's default size (920x760) and at 800x600, for
// docs/namespaces.md: before looking inside, after (off, will fail), and after turning it
// on there with a bind test. The demo's namespaces are simulated, so the pictures are the
// same on every machine. Writes docs/screenshots/namespaces-*.png only.
const SHOTS = path.resolve('docs', 'screenshots');
const SIZES = [VIEWPORT, { width: 800, height: 600 }] as const;
const CONTAINER = 'namespace-4026532601';

async function shoot(page: Page, name: string, suffix: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `namespaces-${name}-${suffix}.png`) });
}

async function scrollToTop(target: Locator): Promise<void> {
  await target.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

/** One size, on a preview of its own: the demo keeps what "Turn it on" set until it stops. */
async function shootAt(browser: Browser, size: { width: number; height: number }) {
  const suffix = `${size.width}x${size.height}`;
  const preview = await startPreview({ args: ['--demo', 'docker-haproxy'] });
  try {
    const { context, page } = await openFrozenPage(browser, 'light');
    await page.setViewportSize(size);
    await page.goto(preview.url);
    const line = page.getByTestId('namespaces-line');
    await line.scrollIntoViewIfNeeded();
    await shoot(page, 'line', suffix);

    await line.getByRole('button', { name: 'Show network namespaces' }).click();
    const card = page.getByTestId(CONTAINER);
    await card.waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'view', suffix);
    await scrollToTop(card);
    await shoot(page, 'container', suffix);

    await page.getByRole('button', { name: /^Look inside/ }).click();
    await card.getByTestId('namespace-inside-values').waitFor();
    await scrollToTop(card);
    await shoot(page, 'inside', suffix);

    await page.getByRole('tab', { name: 'This computer' }).click();
    await line.scrollIntoViewIfNeeded();
    await shoot(page, 'attention', suffix);
    await page.getByRole('tab', { name: 'Network namespaces' }).click();

    await card.getByRole('button', { name: 'Turn it on now in this namespace' }).click();
    await card.getByTestId('namespace-read-back').getByText('Read back').waitFor();
    await card.getByRole('textbox', { name: 'IP address' }).fill('192.0.2.10');
    await card.getByRole('button', { name: 'Test an address in this namespace' }).click();
    await card.getByTestId('namespace-bind-result').getByText('works').waitFor();
    await card
      .getByRole('heading', { name: 'Turn it on now in this namespace' })
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shoot(page, 'turned-on', suffix);
    await context.close();
  } finally {
    await preview.stop();
  }
}

async function main(): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const size of SIZES) await shootAt(browser, size);
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote namespaces-*.png to ${SHOTS}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `docs:namespaces: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
