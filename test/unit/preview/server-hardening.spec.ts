import { test, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { API_CHANNELS } from '../../../electron/contract';
import { guard } from '../../../electron/handlers/envelope';
import type { HandlerTable } from '../../../electron/handlers/handler-table';
import {
  PREVIEW_LIMITS,
  startPreviewServer,
  type PreviewServer,
} from '../../../electron/preview/server';

// The real preview server on loopback, driven over raw sockets. Its handler table is a
// parameter: here every channel throws a real error, as a bug in a handler would.
const SECRET_PATH = '/home/someone/private/project';

let server: PreviewServer;
let staticDir: string;
test.beforeAll(async () => {
  staticDir = await mkdtemp(path.join(os.tmpdir(), 'nb-preview-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const failing = () =>
    guard(async () => {
      throw new Error(`boom in ${SECRET_PATH}/handler.ts`);
    });
  const table = Object.fromEntries(
    Object.values(API_CHANNELS).map((channel) => [channel, failing]),
  ) as unknown as HandlerTable;
  server = await startPreviewServer({ port: 0, table, staticDir });
});
test.afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
});

const port = () => Number(new URL(server.origin).port);

/** Sends raw bytes, returns everything the server answered until it closed (or `waitMs`). */
function exchange(
  raw: string,
  waitMs = 3_000,
): Promise<{ text: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port(), '127.0.0.1', () => socket.write(raw));
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedAfterMs: null });
    }, waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    socket.on('error', () => undefined);
  });
}

function apiRequest(contentType: string, body = '{"payload":null}'): string {
  return [
    'POST /api/state:get HTTP/1.1',
    `Host: 127.0.0.1:${port()}`,
    `Content-Type: ${contentType}`,
    `X-Nonlocal-Bind-Token: ${server.token}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

test('Content-Type must be exactly application/json (parameters allowed)', async () => {
  for (const refused of ['application/jsonfoo', 'application/json-seq', 'text/plain', '']) {
    const { text } = await exchange(apiRequest(refused));
    expect(text, refused).toMatch(/^HTTP\/1\.1 403/);
    expect(text).toContain('Content-Type must be application/json');
  }
  for (const accepted of ['application/json', 'Application/JSON; charset=utf-8']) {
    const { text } = await exchange(apiRequest(accepted));
    expect(text, accepted).toMatch(/^HTTP\/1\.1 200/);
  }
});

test('an internal error reaches the client without its stack or paths', async () => {
  const { text } = await exchange(apiRequest('application/json'));
  expect(text).toMatch(/^HTTP\/1\.1 200/);
  // The body may come chunked: the JSON is everything from the first { to the last }.
  const body = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as unknown;
  expect(body).toEqual({
    ok: false,
    error: { code: 'internal-error' },
  });
  expect(text).not.toContain(SECRET_PATH);
  expect(text).not.toContain('    at ');
});

// Node looks for expired header and request timeouts this often, and a timer may fire
// late on a loaded machine by up to about this much more.
const CHECK_SLACK_MS = PREVIEW_LIMITS.connectionsCheckingIntervalMs + 2_500;

test('a socket that sends nothing is closed after the first-request timeout', async () => {
  const { closedAfterMs } = await exchange('', PREVIEW_LIMITS.headersTimeoutMs + CHECK_SLACK_MS);
  expect(closedAfterMs).not.toBeNull();
  expect(closedAfterMs ?? 0).toBeGreaterThanOrEqual(PREVIEW_LIMITS.firstRequestTimeoutMs - 50);
  // Earlier than the header timeout, the backstop, could have closed it.
  expect(closedAfterMs ?? Infinity).toBeLessThan(PREVIEW_LIMITS.headersTimeoutMs);
});

/** Sends `raw` one byte every `everyMs`; resolves when the server closes (or after `waitMs`). */
function dribble(raw: string, everyMs: number, waitMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port(), '127.0.0.1');
    let sent = 0;
    const writer = setInterval(() => {
      if (sent < raw.length) socket.write(raw.charAt(sent));
      sent += 1;
    }, everyMs);
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('close', () => {
      clearInterval(writer);
      clearTimeout(timer);
      resolve(Date.now() - started < waitMs ? Date.now() - started : null);
    });
    socket.on('error', () => undefined);
  });
}

test('slow headers and slow bodies are cut off', async () => {
  const bound = PREVIEW_LIMITS.requestTimeoutMs + CHECK_SLACK_MS;
  test.setTimeout(2 * bound);
  // A byte at a time keeps the idle timer from firing: the header timeout has to.
  const endless = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nX-Pad: ${'a'.repeat(1_000)}`;
  const slowHeaders = dribble(endless, 200, bound);
  const partial = apiRequest('application/json', '{"payload":null}'.padEnd(100, ' '));
  const slowBody = exchange(partial.slice(0, partial.length - 50), bound);
  const [headersClosedAfterMs, body] = await Promise.all([slowHeaders, slowBody]);
  expect(headersClosedAfterMs).not.toBeNull();
  expect(headersClosedAfterMs ?? 0).toBeGreaterThanOrEqual(PREVIEW_LIMITS.headersTimeoutMs);
  expect(headersClosedAfterMs ?? 0).toBeLessThan(PREVIEW_LIMITS.headersTimeoutMs + CHECK_SLACK_MS);
  expect(body.closedAfterMs).not.toBeNull();
  expect(body.closedAfterMs ?? 0).toBeGreaterThanOrEqual(PREVIEW_LIMITS.requestTimeoutMs);
  expect(body.closedAfterMs ?? 0).toBeLessThan(bound);
});

test("the page's socket gets a page slot and is told it may stay longer", async () => {
  const socket = net.connect(port(), '127.0.0.1');
  socket.on('error', () => undefined);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  try {
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const before = server.connections().page;
    socket.write(apiRequest('application/json').replace('Connection: close', 'X-Page: 1'));
    const deadline = Date.now() + PREVIEW_LIMITS.requestTimeoutMs;
    while (!answer.includes('\r\n\r\n') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer.toLowerCase()).toContain(
      `keep-alive: timeout=${PREVIEW_LIMITS.pageKeepAliveMs / 1_000}\r\n`,
    );
    expect(server.connections().page).toBe(before + 1);
  } finally {
    socket.destroy();
  }
});

test('a stranger gets one answer with Connection: close, and a pipelined request cuts it off', async () => {
  const get = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n\r\n`;
  const one = await exchange(get, PREVIEW_LIMITS.keepAliveTimeoutMs + CHECK_SLACK_MS);
  expect(one.text).toMatch(/^HTTP\/1\.1 200/);
  expect(one.text).toContain('Connection: close');
  expect(one.text).toContain('<title>t</title>');
  // Closed once the answer was out, not after an idle keep-alive.
  expect(one.closedAfterMs ?? Infinity).toBeLessThan(PREVIEW_LIMITS.keepAliveTimeoutMs);

  const before = server.strangers().pipelined;
  const piped = await exchange(get.repeat(50), PREVIEW_LIMITS.keepAliveTimeoutMs + CHECK_SLACK_MS);
  expect(piped.closedAfterMs ?? Infinity).toBeLessThan(PREVIEW_LIMITS.keepAliveTimeoutMs);
  // At most the first request was answered; the rest cost nothing but their parsing.
  expect(piped.text.split('HTTP/1.1 ').length - 1).toBeLessThanOrEqual(1);
  expect(server.strangers().pipelined).toBe(before + 1);
});
