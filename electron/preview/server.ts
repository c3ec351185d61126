import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PATH_PREFIX, type Envelope } from '../contract';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { isChannel, type HandlerTable } from '../handlers/handler-table';
import { gateConnections, type ConnectionGateCounts } from './connection-gate';
import { langRedirect } from './lang-redirect';
import { checkApiRequest } from './request-guard';
import { staticFiles } from './static-files';
import { answerStrangers, type StrangerCounts } from './stranger-answers';

const MAX_BODY_BYTES = 256 * 1024;
/**
 * Limits against slow, idle or piled-up clients (any local program can connect). A socket
 * must send its request within 2 s of connecting, its headers within 4 s, the whole
 * request within 8 s; an idle keep-alive socket closes after 4 s, except the page's own
 * (30 s, so the page keeps a connection that no flood can take). Node checks the header
 * and request timeouts every `connectionsCheckingIntervalMs`.
 *
 * Strangers share `openSlots`, where a newcomer displaces the oldest idle one (see
 * connection-gate.ts); `pageSlots` more are only for sockets that presented the token.
 * Node accepts everything queued in the kernel in one go, up to the listen backlog and
 * what arrives meanwhile. With twice the backlog in open slots, such a burst cannot push
 * out a socket accepted just before it, whose request has not been read yet. An idle
 * socket costs about 7 KB, so the slots cost under 10 MB at most.
 */
export const PREVIEW_LIMITS = {
  firstRequestTimeoutMs: 2_000,
  headersTimeoutMs: 4_000,
  requestTimeoutMs: 8_000,
  keepAliveTimeoutMs: 4_000,
  connectionsCheckingIntervalMs: 500,
  listenBacklog: 511,
  openSlots: 1_024,
  pageSlots: 8,
  evictionGraceMs: 250,
  pageKeepAliveMs: 30_000,
  // A stranger gets as long to take its answer as any client gets to send a request
  // (the page's own assets, at most about 200 KB, take milliseconds on loopback).
  strangerAnswerTimeoutMs: 8_000,
  // About 170 answers of the largest asset at once; the bodies are shared Buffers
  // (see static-files.ts), so this bounds what is referenced, not copies.
  strangerQueuedBytes: 32 * 1024 * 1024,
  maxStaticFileBytes: 16 * 1024 * 1024,
  maxCachedStaticBytes: 64 * 1024 * 1024,
} as const;

export interface PreviewServer {
  /** Page URL including the token fragment. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** How the connection slots are used right now (for tests and diagnostics). */
  connections(): ConnectionGateCounts;
  /** What is pending for connections without the token (for tests and diagnostics). */
  strangers(): StrangerCounts;
  close(): Promise<void>;
}

export interface PreviewOptions {
  readonly port: number;
  readonly table: HandlerTable;
  readonly staticDir: string;
  /** `--lang`: the page's languages, sent as `?lang=` (lang-redirect.ts); null: the browser's. */
  readonly lang?: readonly string[] | null;
  /** Told the Accept-Language of each of the page's own API requests (preview-locale.ts). */
  readonly pageLanguages?: (acceptLanguage: string | undefined) => void;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** The body, unless it is too large or the client went away (a timeout cut it off). */
async function readBody(
  req: IncomingMessage,
): Promise<{ ok: true; text: string } | { ok: false; error: 'too-large' | 'aborted' }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > MAX_BODY_BYTES) return { ok: false, error: 'too-large' };
      chunks.push(buffer);
    }
  } catch {
    // The stream fails only when the socket closed before the body was complete.
    return { ok: false, error: 'aborted' };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * An internal error's details (a stack trace) stay in the server's log: a client learns
 * only that something went wrong, never paths or code layout.
 */
function withoutInternals(envelope: Envelope<unknown>, channel: string): Envelope<unknown> {
  if (envelope.ok || envelope.error.code !== 'internal-error') return envelope;
  console.error(`preview: internal error on ${channel}: ${envelope.error.details ?? ''}`);
  return { ok: false, error: { code: envelope.error.code } };
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  table: HandlerTable,
  refusal: string | null,
): Promise<void> {
  if (refusal !== null) {
    sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: refusal } });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: { code: 'method-not-allowed', message: 'Use POST' } });
    return;
  }
  const channel = (req.url ?? '').slice(API_PATH_PREFIX.length);
  if (!isChannel(table, channel)) {
    sendJson(res, 404, {
      ok: false,
      error: { code: 'unknown-channel', message: `No such channel: ${channel.slice(0, 80)}` },
    });
    return;
  }
  const body = await readBody(req);
  // Nobody is left to answer.
  if (!body.ok && body.error === 'aborted') return;
  if (!body.ok) {
    sendJson(res, 413, {
      ok: false,
      error: { code: 'too-large', message: 'Request body too large' },
    });
    return;
  }
  let parsed: unknown;
  try {
    parsed = body.text === '' ? {} : JSON.parse(body.text);
  } catch {
    sendJson(res, 400, {
      ok: false,
      error: { code: 'invalid-json', message: 'Body is not valid JSON' },
    });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    sendJson(res, 400, {
      ok: false,
      error: { code: 'invalid-payload', details: 'Body must be an object {"payload": ...}' },
    });
    return;
  }
  const payload = 'payload' in parsed ? parsed.payload : null;
  sendJson(res, 200, withoutInternals(await table[channel](payload), channel));
}

/**
 * Serves the built renderer and the same handler table Electron uses, on
 * 127.0.0.1 only. A development, test and docs tool, not a remote admin UI.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = randomBytes(24).toString('hex');
  const server = http.createServer({
    headersTimeout: PREVIEW_LIMITS.headersTimeoutMs,
    requestTimeout: PREVIEW_LIMITS.requestTimeoutMs,
    keepAliveTimeout: PREVIEW_LIMITS.keepAliveTimeoutMs,
    // Node checks the header and request timeouts only this often (default 30 s).
    connectionsCheckingInterval: PREVIEW_LIMITS.connectionsCheckingIntervalMs,
  });
  const gate = gateConnections(server, PREVIEW_LIMITS);
  const strangers = answerStrangers(PREVIEW_LIMITS);
  const files = staticFiles(options.staticDir, {
    maxFileBytes: PREVIEW_LIMITS.maxStaticFileBytes,
    maxCachedBytes: PREVIEW_LIMITS.maxCachedStaticBytes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(
      { host: '127.0.0.1', port: options.port, backlog: PREVIEW_LIMITS.listenBacklog },
      () => resolve(),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const expected = { host, origin, token };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const isApi = url.startsWith(API_PATH_PREFIX);
    const refusal = isApi ? checkApiRequest(req.headers, expected) : null;
    // Decided before any await: a stranger's socket stops being read right here.
    if (isApi && refusal === null) {
      gate.trustSocketOf(req, res);
      // Only the page's own requests (token checked) may say which languages it runs in.
      options.pageLanguages?.(req.headers['accept-language']);
    } else if (!gate.isPage(req.socket) && !strangers.admit(req, res)) return;
    const work = isApi
      ? handleApi(req, res, options.table, refusal)
      : (async () => {
          if (req.headers.host !== host) {
            send(res, 403, 'Host header refused', 'text/plain; charset=utf-8');
            return;
          }
          const location = langRedirect(url, options.lang ?? null);
          if (location !== null) {
            res.writeHead(302, {
              location,
              'x-content-type-options': 'nosniff',
              'referrer-policy': 'no-referrer',
              'cache-control': 'no-store',
              'content-length': 0,
            });
            res.end();
            return;
          }
          const file = await files.read(url.split('?')[0] ?? '/');
          if (!file.ok) {
            send(res, 404, 'Not found', 'text/plain; charset=utf-8');
            return;
          }
          strangers.reserve(res, file.body.length);
          send(res, 200, file.body, file.contentType);
        })();
    work.catch((error: unknown) => {
      console.error(
        `preview: internal error on ${url.slice(0, 80)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) {
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal-error', message: 'Something unexpected went wrong.' },
        });
      }
    });
  });

  const page = langRedirect('/', options.lang ?? null) ?? '/';
  return {
    url: `${origin}${page}#token=${token}`,
    origin,
    token,
    connections: () => gate.counts(),
    strangers: () => strangers.counts(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
