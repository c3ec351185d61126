import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { HandlerTable } from '../../../electron/handlers/handler-table';
import {
  PREVIEW_LIMITS,
  startPreviewServer,
  type PreviewServer,
} from '../../../electron/preview/server';

// The real preview server on loopback; strangers that ask for a file larger than the
// kernel's socket buffers and never read it. Only the answer timeout and the byte cap can
// end those answers (see stranger-answers.ts).

const FLOOD_CLI = path.resolve('test/unit/preview/pipeline-flood.py');
// Far more than loopback's socket buffers take in (a few MB at most): the answer stays
// in the server until the client reads it.
const BIG_BYTES = 8 * 1024 * 1024;
// One more never-read answer than the byte cap holds.
const STUCK_SOCKETS = Math.floor(PREVIEW_LIMITS.strangerQueuedBytes / BIG_BYTES) + 1;
// Node's timers may fire late on a loaded machine by about this much.
const TIMER_SLACK_MS = 2_500;

let server: PreviewServer;
let staticDir: string;
test.beforeAll(async () => {
  staticDir = await mkdtemp(path.join(os.tmpdir(), 'nb-preview-stranger-'));
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), 'first');
  await writeFile(path.join(staticDir, 'assets', 'big.js'), Buffer.alloc(BIG_BYTES, 'a'));
  server = await startPreviewServer({ port: 0, table: {} as HandlerTable, staticDir });
});
test.afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
});

const port = () => Number(new URL(server.origin).port);

function get(urlPath: string): Promise<{ status: number | null; body: string }> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port: port(), path: urlPath, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? null, body }));
      },
    );
    req.on('error', () => resolve({ status: null, body: '' }));
  });
}

test('a changed file is served anew, not from the shared copy', async () => {
  expect(await get('/')).toEqual({ status: 200, body: 'first' });
  await writeFile(path.join(staticDir, 'index.html'), 'second, longer');
  expect(await get('/')).toEqual({ status: 200, body: 'second, longer' });
});

test('never-read answers are pushed out beyond the byte cap and cut off after the timeout', async () => {
  const floodMs = PREVIEW_LIMITS.strangerAnswerTimeoutMs + TIMER_SLACK_MS;
  test.setTimeout(floodMs + 30_000);
  const before = server.strangers();
  const plan = {
    port: port(),
    host_header: `127.0.0.1:${port()}`,
    path: '/assets/big.js',
    sockets: STUCK_SOCKETS,
    pipelined: 1,
    duration_ms: floodMs,
  };
  const child = spawn('python3', [FLOOD_CLI, JSON.stringify(plan)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakQueued = 0;
  const sampler = setInterval(() => {
    peakQueued = Math.max(peakQueued, server.strangers().queuedBytes);
  }, 20);
  try {
    await new Promise((resolve) => child.once('close', resolve));
  } finally {
    clearInterval(sampler);
    child.kill();
  }
  const after = server.strangers();
  console.log(`stranger answers: ${JSON.stringify({ before, after, peakQueued, flood: stdout })}`);
  // The cap held, and holding it pushed out older answers.
  expect(peakQueued).toBeLessThanOrEqual(PREVIEW_LIMITS.strangerQueuedBytes);
  expect(after.pushedOut - before.pushedOut).toBeGreaterThan(0);
  // Answers that were never read were cut off by the timeout.
  expect(after.timedOut - before.timedOut).toBeGreaterThan(0);
  // Everything the flood left is gone once its sockets are.
  await expect.poll(() => server.strangers().pending, { timeout: 5_000 }).toBe(0);
});
