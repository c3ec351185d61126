import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { PREVIEW_LIMITS } from '../../electron/preview/server';
import { bundleForChild } from '../harness/bundle';
import { test, expect } from '../support/fixtures';
import { startPreview, type RunningPreview } from '../harness/preview';

// Issue 22 item 7 with the real pieces: `npm run preview` (dist/preview/serve.js), Debian's
// Chromium showing the page, and another local process flooding the preview on 127.0.0.1
// with idle connections that reconnect whenever they are closed. The page must load and
// its calls must keep working. test/unit/preview/connection-flood.spec.ts measures the
// same from plain HTTP clients, with the server's own counts.

// More than the open slots, no more than slots plus backlog (see connection-flood.spec.ts).
const FLOOD_SOCKETS = PREVIEW_LIMITS.openSlots + Math.floor(PREVIEW_LIMITS.listenBacklog / 2);
// Every request is bounded by the time the server gives a client to send one; the page
// load is a handful of them one after another (document, script, style, first calls).
const CALL_BOUND_MS = PREVIEW_LIMITS.requestTimeoutMs;
const PAGE_LOAD_BOUND_MS = 4 * CALL_BOUND_MS;
const PAGE_CALLS = 10;
// Longer than a stranger's keep-alive: the page's own connection must still be there.
const PAGE_IDLE_GAP_MS = PREVIEW_LIMITS.keepAliveTimeoutMs + 1_000;
// The flood process start and its first connects (see connection-flood.spec.ts).
const SATURATE_BOUND_MS = 4 * CALL_BOUND_MS;
const FLOOD_BOUND_MS =
  SATURATE_BOUND_MS + PAGE_LOAD_BOUND_MS + PAGE_IDLE_GAP_MS + (PAGE_CALLS + 1) * CALL_BOUND_MS;
// The preview's stdout and stderr pipes (socket pairs in libuv) and its listening socket.
const PREVIEW_OWN_SOCKETS = 3;

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview({ args: ['--demo', 'fresh', '--port', '0'] });
});
test.afterAll(async () => {
  await preview?.stop();
});

/** Socket descriptors the preview process holds, as the kernel sees them. */
function previewSockets(): number {
  const dir = `/proc/${preview.process.pid ?? 0}/fd`;
  let count = 0;
  for (const fd of readdirSync(dir)) {
    try {
      if (readlinkSync(`${dir}/${fd}`).startsWith('socket:')) count += 1;
    } catch {
      // Closed between the listing and the read.
    }
  }
  return count;
}

async function until(what: string, check: () => boolean, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${boundMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the page loads and its calls work while idle connections flood the preview', async ({
  context,
  teardown,
}) => {
  test.setTimeout(FLOOD_BOUND_MS + 30_000);
  const floodCli = await bundleForChild('test/unit/preview/idle-flood-cli.ts');
  const port = Number(new URL(preview.origin).port);
  const plan = {
    port,
    sockets: FLOOD_SOCKETS,
    halfHeadersEvery: 4,
    reconnectMaxMs: 100,
    durationMs: FLOOD_BOUND_MS,
    maxConnects: 2_000_000,
  };
  const flood = spawn(process.execPath, [floodCli, JSON.stringify(plan)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let floodReport = '';
  flood.stdout.on('data', (chunk: Buffer) => (floodReport += chunk.toString()));
  const floodDone = new Promise<void>((resolve) => flood.once('close', () => resolve()));
  teardown(() => {
    flood.kill();
    return floodDone;
  });
  let peakSockets = 0;
  // While the page works: how often the flood held every open slot.
  const whilePage = { samples: 0, full: 0, active: false };
  const sampler = setInterval(() => {
    const sockets = previewSockets();
    peakSockets = Math.max(peakSockets, sockets);
    if (!whilePage.active) return;
    whilePage.samples += 1;
    if (sockets >= PREVIEW_LIMITS.openSlots) whilePage.full += 1;
  }, 100);
  teardown(() => clearInterval(sampler));
  await until(
    'flood holds every open slot',
    () => previewSockets() >= PREVIEW_LIMITS.openSlots,
    SATURATE_BOUND_MS,
  );
  const page = await context.newPage();
  whilePage.active = true;
  const loadStarted = Date.now();
  await page.goto(preview.url, { timeout: PAGE_LOAD_BOUND_MS });
  await page.getByTestId('value-ipv4').waitFor({ timeout: PAGE_LOAD_BOUND_MS });
  const pageLoadMs = Date.now() - loadStarted;

  // The page's own calls, the way its HTTP bridge makes them (the page took the token out
  // of its address bar, so it is handed in here).
  const callOnce = (): Promise<{ ok: boolean; ms: number }> =>
    page.evaluate(async (token) => {
      const started = performance.now();
      const response = await fetch('/api/state:get', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nonlocal-bind-token': token },
        body: JSON.stringify({ payload: null }),
      });
      const answer = (await response.json()) as { ok: boolean };
      return { ok: answer.ok, ms: Math.round(performance.now() - started) };
    }, preview.token);
  const calls: { ok: boolean; ms: number }[] = [];
  for (let i = 0; i < PAGE_CALLS; i += 1) {
    calls.push(await callOnce());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, PAGE_IDLE_GAP_MS));
  calls.push(await callOnce());
  whilePage.active = false;
  flood.stdin.end();
  await floodDone;
  const measured = {
    flood: { sockets: FLOOD_SOCKETS, ...(JSON.parse(floodReport) as object) },
    pageLoadMs,
    calls: calls.length,
    answeredOk: calls.filter((c) => c.ok).length,
    callMs: calls.map((c) => c.ms),
    peakSockets,
    fullShareWhilePage: whilePage.full / whilePage.samples,
  };
  console.log(`browser flood measurements: ${JSON.stringify(measured)}`);

  expect(pageLoadMs).toBeLessThan(PAGE_LOAD_BOUND_MS);
  expect(measured.answeredOk).toBe(PAGE_CALLS + 1);
  expect(Math.max(...measured.callMs)).toBeLessThan(CALL_BOUND_MS);
  // The flood held every open slot for much of the time the page was working (seen: 0.7
  // to 0.9, also beside busy loops; its own sockets time out and come back meanwhile).
  expect(measured.fullShareWhilePage).toBeGreaterThan(0.25);
  expect(peakSockets).toBeLessThanOrEqual(
    PREVIEW_LIMITS.openSlots + PREVIEW_LIMITS.pageSlots + PREVIEW_OWN_SOCKETS,
  );
});
