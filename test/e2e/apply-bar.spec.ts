import { test, expect, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../support/chromium';
import { startPreview, type RunningPreview } from '../support/preview';

/**
 * The main task where a person meets it: at every window size the window
 * allows, the pending change, Apply and the outcome are in view.
 */
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await browser.close();
});

const SIZES = [
  { width: 800, height: 600 },
  { width: 920, height: 760 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function withDemo(
  scenario: string,
  size: { width: number; height: number },
  body: (page: Page, preview: RunningPreview) => Promise<void>,
): Promise<void> {
  const preview = await startPreview({ args: ['--demo', scenario] });
  const context = await browser.newContext({ viewport: size });
  try {
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByTestId('value-ipv4').waitFor();
    await body(page, preview);
  } finally {
    await context.close();
    await preview.stop();
  }
}

const apply = (page: Page) => page.getByRole('button', { name: 'Apply…' });

/** The element focused now is inside `selector`'s element. */
async function focusIsIn(page: Page, testId: string): Promise<boolean> {
  return page.evaluate(
    (id) =>
      document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement) ?? false,
    testId,
  );
}

const OUTCOMES = [
  { scenario: 'fresh', role: 'status', words: 'Applied.' },
  { scenario: 'auth-denied', role: 'alert', words: 'Authentication was refused or cancelled' },
  { scenario: 'no-polkit-agent', role: 'alert', words: 'No polkit authentication agent' },
  { scenario: 'no-pkexec', role: 'alert', words: 'pkexec is not installed' },
  { scenario: 'readonly-proc', role: 'alert', words: '/proc/sys is read-only here' },
] as const;

for (const size of SIZES) {
  test(`${size.width}x${size.height}: Apply is in view while a change is pending, and every outcome lands next to it`, async () => {
    for (const outcome of OUTCOMES) {
      await withDemo(outcome.scenario, size, async (page) => {
        await expect(apply(page)).toHaveCount(0);
        await page.getByRole('switch', { name: /IPv4/ }).click();
        await expect(apply(page)).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('button', { name: 'Discard' })).toBeInViewport({ ratio: 1 });
        await apply(page).click();
        const box = page.getByRole(outcome.role).filter({ hasText: outcome.words });
        await expect(box, outcome.scenario).toBeVisible();
        await expect(box, outcome.scenario).toBeInViewport();
        expect(await focusIsIn(page, 'apply-outcome'), outcome.scenario).toBe(true);
        if (outcome.role === 'alert') {
          // A failure keeps the pending change and the chosen options for another try.
          await expect(page.getByTestId('value-ipv4')).toHaveText('Off → On (pending)');
          await expect(page.getByRole('radio', { name: /Now and at every boot/ })).toBeChecked();
          await expect(apply(page)).toBeInViewport({ ratio: 1 });
        } else {
          await expect(page.getByTestId('value-ipv4')).toHaveText('On');
        }
      });
    }
  });
}

test('a 200-character file name wraps: no horizontal scrolling at 800 px', async () => {
  await withDemo('fresh', { width: 800, height: 600 }, async (page) => {
    await page.getByRole('switch', { name: /IPv4/ }).click();
    await page.getByRole('button', { name: 'change file name' }).click();
    const name = `${'a'.repeat(195)}.conf`;
    await page.getByLabel(/File in/).fill(name);
    await expect(page.getByTestId('file-action')).toContainText(name);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('keyboard only: IPv4 on and kept at every boot in five keystrokes', async () => {
  await withDemo('fresh', { width: 920, height: 760 }, async (page) => {
    // Refresh, the current view tab (one stop: the tabs move with the arrow keys), the switch.
    const keys = ['Tab', 'Tab', 'Tab', 'Space', 'Control+Enter'];
    for (const key of keys) {
      // A person reads the bar before confirming; the plan is ready by then.
      if (key === 'Control+Enter') await expect(apply(page)).toBeEnabled();
      await page.keyboard.press(key);
    }
    await expect(page.getByTestId('apply-success')).toContainText(
      'IPv4 non-local bind is now on; /etc/sysctl.d/90-nonlocal-bind.conf was written.',
    );
    expect(keys).toHaveLength(5);
    // The keyboard path through Tab alone reaches Apply too, right after both switches.
    await page.reload();
    await page.getByTestId('value-ipv4').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('switch', { name: /IPv6/ })).toBeFocused();
  });
});

test('the pending state is drawn apart from the kernel value', async () => {
  await withDemo('fresh', { width: 920, height: 760 }, async (page) => {
    const v4 = page.getByRole('switch', { name: 'IPv4 non-local bind' });
    await v4.click();
    await expect(page.getByTestId('value-ipv4')).toHaveText('Off → On (pending)');
    await expect(page.getByTestId('status-ipv4')).toHaveText(
      'The kernel now: Off: processes can only bind to IPv4 addresses this computer already has.',
    );
    await expect(v4).toHaveClass(/pending/);
    await expect(page.locator('#auth-hint')).toHaveText(
      'Asks for your password once. Ctrl+Enter applies.',
    );
  });
});

test('this session only, where a file sets the opposite: the bar warns and fixes it in one click', async () => {
  await withDemo('persisted', { width: 920, height: 760 }, async (page) => {
    await page.getByRole('switch', { name: /IPv4/ }).click();
    await page.getByRole('radio', { name: /This session only/ }).check();
    await expect(page.getByTestId('lost-at-restart')).toContainText(
      'After a restart IPv4 non-local bind will be on again: /etc/sysctl.d/90-nonlocal-bind.conf, line 4 sets it.',
    );
    await page.getByRole('button', { name: 'Keep it at every boot instead' }).click();
    await expect(page.getByRole('radio', { name: /Now and at every boot/ })).toBeChecked();
    await expect(page.getByTestId('lost-at-restart')).toHaveCount(0);
  });
});

test('Remove from FILE names the file and its lines, warns about someone else’s file, and removes only them', async () => {
  await withDemo('drift', { width: 920, height: 760 }, async (page) => {
    await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
    await page.getByRole('button', { name: 'Remove from 60-haproxy.conf' }).click();
    await expect(page.getByTestId('removal')).toContainText(
      'line 2: net.ipv4.ip_nonlocal_bind = 1',
    );
    await expect(page.getByTestId('foreign-file')).toContainText('Nonlocal Bind did not write');
    await expect(page.getByTestId('change-list')).toHaveText(
      'Remove net.ipv4.ip_nonlocal_bind from /etc/sysctl.d/60-haproxy.conf',
    );
    await expect(page.getByLabel('Also turn IPv4 non-local bind off now')).toBeVisible();
    await apply(page).click();
    await expect(page.getByTestId('apply-success')).toContainText(
      '/etc/sysctl.d/60-haproxy.conf was written.',
    );
    await expect(page.getByTestId('drift-ipv4')).toHaveCount(0);
    await expect(page.getByTestId('boot-line-ipv4')).toContainText(
      'After a restart: off (no file sets it',
    );
  });
});

test('the disagreement note fixes it in one click, writing only the conflicting key into /etc/sysctl.conf', async () => {
  await withDemo('conflict-sysctl-conf', { width: 920, height: 760 }, async (page) => {
    await page.getByRole('button', { name: 'Make both keep it on' }).click();
    await expect(page.getByTestId('file-action')).toHaveText(
      'Writing into /etc/sysctl.conf (undo)',
    );
    await expect(page.getByLabel(/File in/)).toHaveCount(0);
    await expect(page.getByTestId('change-list')).toHaveText(
      'IPv4 non-local bind: stays On, kept at boot',
    );
    await expect(page.getByTestId('conflicts')).toHaveCount(0);
    await apply(page).click();
    // IPv4 was on already: only the file changed, and only that is reported.
    await expect(page.getByTestId('apply-success')).toContainText(
      'Applied. /etc/sysctl.conf was written.',
    );
    await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);
  });
});

test('open panels stay open when the plan recomputes', async () => {
  await withDemo('fresh', { width: 920, height: 760 }, async (page) => {
    await page.getByRole('switch', { name: /IPv4/ }).click();
    await page.getByText('Equivalent commands').click();
    await expect(page.locator('.command-block').first()).toBeVisible();
    await page.getByRole('switch', { name: /IPv6/ }).click();
    await expect(page.locator('.command-block pre').first()).toContainText(
      'net.ipv6.ip_nonlocal_bind=1',
    );
    await expect(page.locator('details.commands')).toHaveAttribute('open', '');
  });
});

test('the demo tells one consistent story: real version, tools that match, the file Apply wrote', async () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  for (const [scenario, pkexec, agent] of [
    ['fresh', '/usr/bin/pkexec', 'running (polkit-gnome-au)'],
    ['no-pkexec', 'missing', 'running (polkit-gnome-au)'],
    ['no-polkit-agent', '/usr/bin/pkexec', 'none found'],
  ] as const) {
    await withDemo(scenario, { width: 920, height: 760 }, async (page) => {
      if (scenario === 'fresh') {
        await page.getByRole('switch', { name: /IPv4/ }).click();
        await apply(page).click();
        await expect(page.getByTestId('apply-success')).toBeVisible();
      }
      await page.getByRole('button', { name: 'Show diagnostics' }).click();
      const text = (await page.getByTestId('diagnostics-text').textContent()) ?? '';
      expect(text).toContain(`App version: ${version}`);
      expect(text).toContain(`pkexec: ${pkexec}`);
      expect(text).toContain(`polkit authentication agent: ${agent}`);
      if (scenario === 'fresh') {
        expect(text).toContain('/etc/sysctl.d/90-nonlocal-bind.conf was written');
      }
    });
  }
});
