import type { Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 3: a failed Apply is a short titled alert. A one-line title, the one
 * command for the distribution the diagnostics found (the demo's Debian 12), "Other
 * systems" folded; at most a third of the window at 800x600, and the setting cards stay
 * in view above the bar, with no horizontal scrolling.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

interface Boxes {
  readonly panel: DOMRect;
  readonly bar: DOMRect;
  readonly switchBox: DOMRect;
  readonly titleLines: number;
  readonly panelScrolls: boolean;
  readonly pageScrollsSideways: boolean;
}

async function measure(page: Page): Promise<Boxes> {
  return page.evaluate(() => {
    const rect = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      return element.getBoundingClientRect().toJSON() as DOMRect;
    };
    const panel = document.querySelector('.apply-bar .error-panel');
    const title = document.querySelector('.apply-bar .error-title');
    if (!panel || !title) throw new Error('no error panel');
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    return {
      panel: rect('.apply-bar .error-panel'),
      bar: rect('[data-testid="apply-bar"]'),
      switchBox: rect('#switch-ipv4'),
      titleLines: Math.round(title.getBoundingClientRect().height / lineHeight),
      panelScrolls: panel.scrollHeight > panel.clientHeight + 1,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

const CASES = [
  {
    scenario: 'no-pkexec',
    title: 'Not applied: pkexec is not installed',
    shown: 'sudo apt install pkexec',
    folded: ['Other systems', 'Run the change by hand instead'],
    hidden: 'sudo dnf install polkit',
  },
  {
    scenario: 'no-polkit-agent',
    title: 'Not applied: No polkit authentication agent is running',
    shown: null,
    folded: ['Run the change by hand instead'],
    hidden: 'sudo sysctl',
  },
] as const;

for (const size of SIZES) {
  for (const c of CASES) {
    test(`${size.width}x${size.height}: ${c.scenario} fails as a short titled alert that leaves the cards in view`, async ({
      demoPage,
    }) => {
      const { page } = await demoPage(c.scenario, { viewport: size, waitForValues: true });
      await page.getByRole('switch', { name: /IPv4/ }).click();
      await page.getByRole('button', { name: /^Apply/ }).click();
      const alert = page.getByTestId('outcome-alert');
      await expect(alert.getByRole('heading')).toHaveText(c.title);
      if (c.shown) await expect(alert.getByText(c.shown, { exact: true })).toBeVisible();
      for (const label of c.folded) await expect(alert.getByText(label)).toBeVisible();
      // Folded away until asked for: the other distributions and the by-hand blocks.
      await expect(alert.getByText(c.hidden).first()).toBeHidden();
      await expect(page.getByRole('group', { name: 'Not applied' })).toBeFocused();

      const boxes = await measure(page);
      expect(boxes.titleLines).toBe(1);
      expect(boxes.panelScrolls).toBe(false);
      expect(boxes.panel.height).toBeLessThanOrEqual(size.height / 3);
      expect(boxes.panel.bottom).toBeLessThanOrEqual(boxes.bar.bottom);
      expect(boxes.panel.top).toBeGreaterThanOrEqual(boxes.bar.top);
      // The card's switch stays visible above the bar, and nothing scrolls sideways.
      expect(boxes.switchBox.top).toBeGreaterThanOrEqual(0);
      expect(boxes.switchBox.bottom).toBeLessThanOrEqual(boxes.bar.top);
      expect(boxes.pageScrollsSideways).toBe(false);
      await expect(page.getByRole('button', { name: /^Apply/ })).toBeInViewport({ ratio: 1 });
      expect(await axeViolations(page)).toEqual([]);

      // Unfolded on request, the other systems' commands are all there.
      await alert.getByText(c.folded[0]).click();
      await expect(alert.getByText(c.hidden).first()).toBeVisible();
    });
  }
}
