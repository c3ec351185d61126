import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PREVIEW_LIMITS } from '../../../electron/preview/server';
import { DIST_DIR, startPreview, type RunningPreview } from '../../harness/preview';

// Issue 22 (review of item 7): another local process shrinks its receive buffer, pipelines
// GETs of the preview's largest asset (about 190 KB) and never reads. The preview grew
// without limit: 100 sockets × 40 requests took it to 691 MB (712 MB here before the
// fix), 20 × 400 to 1.6 GB. The real preview (dist/preview/serve.js) runs as its own
// process, so its resident memory is what the kernel says; the flood is a Python child,
// since only Python can set SO_RCVBUF on its sockets.

const FLOOD_CLI = path.resolve('test/unit/preview/pipeline-flood.py');
// The review's first case, plus sockets that ask once and never read, whose answers only
// the answer timeout and the byte cap end.
const PIPELINING = { sockets: 100, pipelined: 40 };
const NEVER_READING = { sockets: 300, pipelined: 1 };
// Long enough for the answer timeout to fire on the first never-read answers, twice over.
const FLOOD_MS = 2 * PREVIEW_LIMITS.strangerAnswerTimeoutMs;
// A page call or an asset fetch gets as long as the server gives a client to send one.
const CALL_BOUND_MS = PREVIEW_LIMITS.requestTimeoutMs;
const PAGE_CALLS = 10;
// What the flood may add to the preview: every stranger answer the byte cap lets wait,
// plus the V8 heap's growth from connection churn before it collects. Cut-off pipeliners
// reconnect at once, some 300 times a second; seen: +50 MB from 100 such sockets sending
// 2 requests each with nothing queued, +67 to +83 MB from this test's flood (40 or 400
// pipelined change it by under 10 MB). Before the fix this flood added 704 MB.
const CHURN_HEADROOM_BYTES = 96 * 1024 * 1024;
const RSS_GROWTH_BOUND_BYTES = PREVIEW_LIMITS.strangerQueuedBytes + CHURN_HEADROOM_BYTES;

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview({ args: ['--demo', 'fresh', '--port', '0'] });
});
test.afterAll(async () => {
  await preview?.stop();
});

function largestAsset(): { urlPath: string; bytes: number } {
  const dir = path.join(DIST_DIR, 'renderer', 'assets');
  const sized = readdirSync(dir).map((name) => ({
    urlPath: `/assets/${name}`,
    bytes: statSync(path.join(dir, name)).size,
  }));
  sized.sort((a, b) => b.bytes - a.bytes);
  const first = sized[0];
  if (first === undefined) throw new Error(`no assets in ${dir}`);
  return first;
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** One request on a fresh connection, read whole; status and body length, or the error. */
function call(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number | null; bytes: number; ms: number; error: string | null }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent: false, timeout: CALL_BOUND_MS, ...options },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? null, bytes, ms: Date.now() - started, error: null }),
        );
        res.on('error', (error) =>
          resolve({ status: null, bytes, ms: Date.now() - started, error: error.message }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) =>
      resolve({ status: null, bytes: 0, ms: Date.now() - started, error: error.message }),
    );
    req.end(options.body);
  });
}

function flood(port: number, plan: { sockets: number; pipelined: number }, asset: string) {
  const child = spawn(
    'python3',
    [
      FLOOD_CLI,
      JSON.stringify({
        port,
        host_header: `127.0.0.1:${port}`,
        path: asset,
        duration_ms: FLOOD_MS,
        ...plan,
      }),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const report = new Promise<Record<string, number>>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as Record<string, number>)
        : reject(new Error(`flood exited ${code}: ${stderr}`)),
    ),
  );
  return { child, report };
}

test('pipelined asset requests that are never read do not grow the preview', async () => {
  // The flood, its start and the teardown; the calls run while it lasts.
  test.setTimeout(FLOOD_MS + PAGE_CALLS * CALL_BOUND_MS + 30_000);
  const pid = preview.process.pid ?? 0;
  const port = Number(new URL(preview.origin).port);
  const asset = largestAsset();
  const host = { host: `127.0.0.1:${port}` };
  // Warm: the asset is read once, the way the page loads it; this is the baseline.
  expect((await call(port, { method: 'GET', path: asset.urlPath, headers: host })).status).toBe(
    200,
  );
  const baseline = rssBytes(pid);

  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 50);
  const floods = [
    flood(port, PIPELINING, asset.urlPath),
    flood(port, NEVER_READING, asset.urlPath),
  ];
  try {
    // Let the flood press before the page's requests go out.
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_LIMITS.strangerAnswerTimeoutMs / 2));
    const pageCalls = [];
    const assetLoads = [];
    for (let i = 0; i < PAGE_CALLS; i += 1) {
      pageCalls.push(
        await call(port, {
          method: 'POST',
          path: '/api/state:get',
          headers: {
            ...host,
            'content-type': 'application/json',
            'x-nonlocal-bind-token': preview.token,
          },
          body: '{"payload":null}',
        }),
      );
      // The page's document and script carry no token: they are strangers' requests too.
      assetLoads.push(await call(port, { method: 'GET', path: asset.urlPath, headers: host }));
    }
    const reports = await Promise.all(floods.map((f) => f.report));
    const measured = {
      asset,
      floods: reports,
      baselineMb: Math.round(baseline / 2 ** 20),
      peakMb: Math.round(peak / 2 ** 20),
      growthBoundMb: Math.round(RSS_GROWTH_BOUND_BYTES / 2 ** 20),
      pageCallMs: pageCalls.map((c) => c.ms),
      assetLoadMs: assetLoads.map((c) => c.ms),
    };
    console.log(`pipeline flood measurements: ${JSON.stringify(measured)}`);

    // The flood really sent its requests (each socket at least once).
    expect(reports[0]?.bytesSent ?? 0).toBeGreaterThan(0);
    expect(reports[0]?.connects ?? 0).toBeGreaterThanOrEqual(PIPELINING.sockets);
    expect(reports[1]?.connects ?? 0).toBeGreaterThanOrEqual(NEVER_READING.sockets);
    expect(pageCalls.map((c) => c.error ?? c.status)).toEqual(pageCalls.map(() => 200));
    expect(assetLoads.map((c) => c.error ?? c.bytes)).toEqual(assetLoads.map(() => asset.bytes));
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_BOUND_BYTES);
  } finally {
    clearInterval(sampler);
    for (const f of floods) f.child.kill();
    await Promise.all(floods.map((f) => f.report.catch(() => ({}))));
  }
});
