import { test, expect } from '@playwright/test';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { gateConnections, pickEviction } from '../../../electron/preview/connection-gate';

// Which socket makes way for a newcomer. The real server's behaviour under a flood is in
// connection-flood.spec.ts and server-hardening.spec.ts; this pins the order itself.
const GRACE_MS = 250;
const NOW = 10_000;
const old = NOW - GRACE_MS;
const young = NOW - GRACE_MS + 1;
const socket = (acceptedAt: number, bytesRead: number, extra: object = {}) => ({
  acceptedAt,
  socket: { bytesRead },
  inFlight: 0,
  page: false,
  ...extra,
});
/** The position of the picked socket in `tracked`, or null. */
const pick = (tracked: ReturnType<typeof socket>[], newcomer = socket(NOW, 0)) => {
  const picked = pickEviction([...tracked, newcomer], NOW, GRACE_MS, newcomer);
  return picked === null ? null : tracked.indexOf(picked);
};

test('an old silent stranger goes first, the oldest of them', () => {
  const tracked = [socket(old - 5, 10), socket(old - 3, 0), socket(old - 1, 0), socket(young, 0)];
  expect(pick(tracked)).toBe(1);
});

test('then an old stranger that spoke, then young silent, then young spoken', () => {
  expect(pick([socket(young, 0), socket(old, 7)])).toBe(1);
  expect(pick([socket(young, 7), socket(young + 1, 0)])).toBe(1);
  expect(pick([socket(young, 7), socket(young + 1, 9)])).toBe(0);
});

test("never the page's socket nor one serving a request; none left means refuse", () => {
  const busy = socket(old - 9, 0, { inFlight: 1 });
  const page = socket(old - 8, 0, { page: true });
  expect(pick([busy, page, socket(young, 3)])).toBe(2);
  expect(pick([busy, page])).toBeNull();
  expect(pick([])).toBeNull();
  // The newcomer itself is never the one to make way.
  expect(pick([socket(young, 3)], socket(old - 100, 0))).toBe(0);
});

// The gate on a real Node http server and real loopback sockets, with slots few enough to
// count and a first-request timeout long enough that only eviction closes anything.
const LIMITS = {
  openSlots: 8,
  pageSlots: 2,
  firstRequestTimeoutMs: 60_000,
  evictionGraceMs: 100,
  pageKeepAliveMs: 60_000,
};

interface Client {
  readonly socket: net.Socket;
  readonly connected: Promise<void>;
  closed: boolean;
  answer: string;
}

function connect(port: number, send = ''): Client {
  const socket = net.connect(port, '127.0.0.1');
  const client: Client = {
    socket,
    closed: false,
    answer: '',
    connected: new Promise((resolve) => socket.once('connect', () => resolve())),
  };
  socket.on('connect', () => socket.write(send));
  socket.on('data', (chunk: Buffer) => (client.answer += chunk.toString()));
  socket.on('close', () => (client.closed = true));
  socket.on('error', () => undefined);
  return client;
}

async function until(what: string, check: () => boolean): Promise<void> {
  // Loopback round trips on an idle server; generous for a loaded machine.
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('at the cap a newcomer displaces the oldest idle stranger, never the page or a busy one', async () => {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer((req, res) => {
    if (req.headers['x-page'] === '1') gate.trustSocketOf(req, res);
    if (req.url === '/slow') void released.then(() => res.end('slow'));
    else res.end('ok');
  });
  const gate = gateConnections(server, LIMITS);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const clients: Client[] = [];
  try {
    const page = connect(port, 'GET / HTTP/1.1\r\nHost: x\r\nX-Page: 1\r\n\r\n');
    await until('the page is answered', () => page.answer.includes('ok'));
    expect(page.answer.toLowerCase()).toContain('keep-alive: timeout=60\r\n');
    const busy = connect(port, 'GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    clients.push(page, busy);
    for (let i = 1; i < LIMITS.openSlots; i += 1) clients.push(connect(port));
    await until('every open slot taken', () => gate.counts().open === LIMITS.openSlots);
    expect(gate.counts()).toEqual({ open: LIMITS.openSlots, page: 1, evicted: 0, refused: 0 });
    await new Promise((resolve) => setTimeout(resolve, LIMITS.evictionGraceMs));

    const newcomers = [connect(port), connect(port), connect(port)];
    await until('three evicted', () => gate.counts().evicted === 3);
    await until('three closed', () => clients.filter((c) => c.closed).length === 3);
    // The oldest silent strangers went: not the page, not the busy one, not the newcomers.
    expect(clients.map((c) => c.closed)).toEqual([
      false,
      false,
      ...[true, true, true],
      ...Array.from({ length: LIMITS.openSlots - 4 }, () => false),
    ]);
    expect(newcomers.map((c) => c.closed)).toEqual([false, false, false]);
    expect(gate.counts()).toEqual({ open: LIMITS.openSlots, page: 1, evicted: 3, refused: 0 });
    clients.push(...newcomers);
    release();
    await until('the busy one answered', () => busy.answer.includes('slow'));
  } finally {
    release();
    for (const c of clients) c.socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
