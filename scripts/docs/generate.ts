// `npm run docs:screenshots`: drives the preview in Chromium through every step in
// scripts/docs/steps.ts, in light and dark, and writes docs/screenshots/*.png and
// docs/guide.md. The visual regression test compares against the same PNGs.
import { mkdir, writeFile } from 'node:fs/promises';
import { launchChromium } from '../../test/support/chromium';
import { openStep, screenshotName, THEMES } from './capture';
import { renderGuide } from './render-guide';
import { STEPS } from './steps';

await mkdir('docs/screenshots', { recursive: true });
const browser = await launchChromium();
try {
  for (const step of STEPS) {
    for (const theme of THEMES) {
      const opened = await openStep(browser, step, theme);
      const name = screenshotName(step, theme);
      await opened.page.screenshot({
        path: `docs/screenshots/${name}`,
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
      });
      await opened.close();
      console.log(`docs/screenshots/${name}`);
    }
  }
} finally {
  await browser.close();
}
await writeFile('docs/guide.md', renderGuide());
console.log('docs/guide.md');
