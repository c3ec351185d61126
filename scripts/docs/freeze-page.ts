import type { Browser, BrowserContext, Page, Route } from 'playwright-core';

export type ColorScheme = 'light' | 'dark';

/** The fixed window every screenshot is taken in. */
// The app window's default size: the guide shows what a person sees, not a full-page capture.
export const VIEWPORT = { width: 920, height: 760 } as const;

/** The "Read at" time every screenshot shows (the real reading time changes each run). */
export const FROZEN_READ_AT = '2026-01-15T09:30:00';

/**
 * Lines of the diagnostics report that differ between runs or machines (the
 * demo's distribution comes from its own simulated /etc/os-release), and the
 * example values the docs show instead; the real report is unchanged.
 */
const DIAGNOSTICS_EXAMPLES: readonly (readonly [RegExp, string])[] = [
  [/^Generated: .*$/m, `Generated: ${FROZEN_READ_AT}.000Z`],
  [/^App version: .*$/m, 'App version: 0.1.0'],
  [/^Kernel release: .*$/m, 'Kernel release: 6.1.0-28-amd64'],
];

function freezeDiagnostics(text: string): string {
  return DIAGNOSTICS_EXAMPLES.reduce((t, [pattern, example]) => t.replace(pattern, example), text);
}

/**
 * Replaces every `readAt` in an API answer with the frozen time. Each answer
 * keeps a distinct millisecond (not shown on screen) so the renderer still sees
 * a new state version after an Apply or Refresh and re-plans as it would.
 */
function freezeReadAt(value: unknown, next: () => string): unknown {
  if (Array.isArray(value)) return value.map((v) => freezeReadAt(v, next));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      k === 'readAt' && typeof v === 'string'
        ? [k, next()]
        : k === 'text' && typeof v === 'string' && v.startsWith('Nonlocal Bind diagnostics')
          ? [k, freezeDiagnostics(v)]
          : [k, freezeReadAt(v, next)],
    ),
  );
}

/**
 * A browser context that renders the same pixels on every run: fixed window,
 * colour scheme, locale and time zone, reduced motion, and a frozen reading
 * time and machine facts (animations and the caret are stopped by the screenshot call itself). This lives in the screenshot driver, not in the product.
 */
export async function openFrozenPage(
  browser: Browser,
  scheme: ColorScheme,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: scheme,
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // The preview copies in the page; let it, so "Copy diagnostics" can be shown working.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const traffic: ApiTraffic = { inFlight: 0, lastActivity: Date.now() };
  let answers = 0;
  const next = (): string => `${FROZEN_READ_AT}.${String(answers++ % 1000).padStart(3, '0')}Z`;
  await context.route('**/api/**', async (route: Route) => {
    traffic.inFlight += 1;
    traffic.lastActivity = Date.now();
    // The page polls the state while visible (live values): a poll still on its way when the
    // task closes its context has nobody left to answer, which is no failure of the docs.
    const response = await route
      .fetch()
      .catch(() => null)
      .finally(() => {
        traffic.inFlight -= 1;
        traffic.lastActivity = Date.now();
      });
    if (response === null) return;
    const text = await response.text().catch(() => null);
    if (text === null) return;
    let body: string;
    try {
      body = JSON.stringify(freezeReadAt(JSON.parse(text), next));
    } catch {
      body = text;
    }
    await route.fulfill({ response, body }).catch(() => undefined);
  });
  const page = await context.newPage();
  TRAFFIC.set(page, traffic);
  return { context, page };
}

/** API requests of a page, so a screenshot waits until the backend has answered everything. */
interface ApiTraffic {
  inFlight: number;
  lastActivity: number;
}

const TRAFFIC = new WeakMap<Page, ApiTraffic>();

/**
 * Quiet time after the last API answer before the picture counts as settled:
 * an answer can make the page ask for a new change plan 120 ms later.
 */
const QUIET_MS = 500;

async function waitForApiIdle(page: Page): Promise<void> {
  const traffic = TRAFFIC.get(page);
  if (!traffic) throw new Error('settle() needs a page from openFrozenPage()');
  // The last click may not have reached the backend yet (the plan is asked for
  // after a 120 ms pause), so the quiet time counts from now at the earliest.
  traffic.lastActivity = Math.max(traffic.lastActivity, Date.now());
  for (;;) {
    const quietFor = Date.now() - traffic.lastActivity;
    if (traffic.inFlight === 0 && quietFor >= QUIET_MS) return;
    await page.waitForTimeout(Math.max(50, QUIET_MS - quietFor));
  }
}

/** Waits until fonts are loaded and the UI has stopped asking the backend, so the picture is settled. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await waitForApiIdle(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** Screenshot options shared by the docs and the visual regression test. */
export const SHOT_OPTIONS = { fullPage: false, animations: 'disabled', caret: 'hide' } as const;
