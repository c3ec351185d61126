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
    error: {
      code: 'internal-error',
      message: 'Something unexpected went wrong while handling the request.',
    },
  });
  expect(text).not.toContain(SECRET_PATH);
  expect(text).not.toContain('    at ');
});

test('slow headers and slow bodies are cut off', async () => {
  test.setTimeout(60_000);
  const slowHeaders = exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n`, 30_000);
  const partial = apiRequest('application/json', '{"payload":null}'.padEnd(100, ' '));
  const slowBody = exchange(partial.slice(0, partial.length - 50), 30_000);
  const [headers, body] = await Promise.all([slowHeaders, slowBody]);
  expect(headers.closedAfterMs).not.toBeNull();
  expect(headers.closedAfterMs ?? 0).toBeLessThan(PREVIEW_LIMITS.headersTimeoutMs + 3_000);
  expect(body.closedAfterMs).not.toBeNull();
  expect(body.closedAfterMs ?? 0).toBeLessThan(PREVIEW_LIMITS.requestTimeoutMs + 3_000);
});

test('connections beyond the cap are refused while the others stay open', async () => {
  const sockets: net.Socket[] = [];
  let closed = 0;
  try {
    for (let i = 0; i < PREVIEW_LIMITS.maxConnections + 20; i += 1) {
      const socket = net.connect(port(), '127.0.0.1');
      socket.on('close', () => (closed += 1));
      socket.on('error', () => undefined);
      sockets.push(socket);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(closed).toBe(20);
  } finally {
    for (const s of sockets) s.destroy();
  }
});
