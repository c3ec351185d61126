import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How the preview shares its connections between its own page and everyone else.
 *
 * Any local program can connect to the preview. A plain cap that refuses the newest
 * connection lets a flood of idle, reconnecting sockets hold every slot, so the page's
 * own requests were refused (0 of 58 got through). Here a newcomer is always taken in
 * when a slot can be freed: the oldest idle socket that has not proven to be the page
 * makes way. A socket that has presented the page's token moves to slots of its own,
 * which strangers cannot take.
 */
export interface ConnectionGateLimits {
  /** Sockets not (yet) known to be the page's: all a flood can ever hold. */
  readonly openSlots: number;
  /** Further sockets only for connections that presented the page's token. */
  readonly pageSlots: number;
  /** A socket that sends no request for this long is closed (Node's headersTimeout is the backstop). */
  readonly firstRequestTimeoutMs: number;
  /** A socket younger than this is evicted only when no older one can go (see pickEviction). */
  readonly evictionGraceMs: number;
  /** How long the page's own sockets may stay idle between requests. */
  readonly pageKeepAliveMs: number;
}

export interface ConnectionGateCounts {
  /** Sockets currently held in the open slots. */
  readonly open: number;
  /** Sockets currently held in the page's slots. */
  readonly page: number;
  /** Idle strangers closed to make room for a newcomer, since the start. */
  readonly evicted: number;
  /** Newcomers closed at once because every open slot was serving a request, since the start. */
  readonly refused: number;
}

export interface ConnectionGate {
  /**
   * The request presented the page's token: its socket moves to the page's slots (while
   * any are free) and the response tells the client how long it may keep the socket.
   */
  trustSocketOf(req: IncomingMessage, res: ServerResponse): void;
  /** Whether the socket has presented the page's token and holds one of the page's slots. */
  isPage(socket: Socket): boolean;
  counts(): ConnectionGateCounts;
}

interface Tracked extends EvictionCandidate {
  readonly socket: Socket;
  readonly acceptedAt: number;
  /** Requests received on this socket whose response has not been ended by the server. */
  inFlight: number;
  page: boolean;
}

/** What pickEviction looks at; the gate's own records have exactly these fields. */
export interface EvictionCandidate {
  readonly socket: { readonly bytesRead: number };
  readonly acceptedAt: number;
  readonly inFlight: number;
  readonly page: boolean;
}

/**
 * Picks the socket to close so that a newcomer fits, or null when none may go: never one
 * that is serving a request, never the page's. Among the rest, sockets past their grace
 * time go before younger ones (a young one's request may still be on its way), and within
 * that, sockets that never sent a byte (an idle flood) before those that did (a served
 * keep-alive, half-sent headers); oldest first in each tier. `tracked` iterates in
 * acceptance order; `newcomer` is skipped. A young socket is still taken rather than refusing the newcomer: a refusal
 * is certain to hit a page's request that arrives then, while a young socket is only
 * reached after every older stranger has gone. Called on every connection at the cap, so
 * it allocates nothing per socket.
 */
export function pickEviction<T extends EvictionCandidate>(
  tracked: Iterable<T>,
  now: number,
  graceMs: number,
  newcomer: T | null,
): T | null {
  // The first (oldest) socket in each tier; tier 0 goes first.
  let tier1: T | null = null;
  let tier2: T | null = null;
  let tier3: T | null = null;
  for (const entry of tracked) {
    if (entry.page || entry.inFlight > 0 || entry === newcomer) continue;
    const silent = entry.socket.bytesRead === 0;
    if (now - entry.acceptedAt >= graceMs) {
      if (silent) return entry;
      tier1 ??= entry;
    } else if (silent) tier2 ??= entry;
    else tier3 ??= entry;
  }
  return tier1 ?? tier2 ?? tier3;
}

/** Applies `limits` to every connection `server` accepts. Replaces `server.maxConnections`. */
export function gateConnections(server: Server, limits: ConnectionGateLimits): ConnectionGate {
  // Insertion order is acceptance order, which pickEviction relies on.
  const tracked = new Map<Socket, Tracked>();
  let pageCount = 0;
  let evicted = 0;
  let refused = 0;

  const openCount = (): number => tracked.size - pageCount;

  server.on('connection', (socket: Socket) => {
    const entry: Tracked = { socket, acceptedAt: Date.now(), inFlight: 0, page: false };
    tracked.set(socket, entry);
    socket.once('close', () => {
      if (tracked.get(socket)?.page === true) pageCount -= 1;
      tracked.delete(socket);
    });
    if (openCount() > limits.openSlots) {
      const victim = pickEviction(tracked.values(), Date.now(), limits.evictionGraceMs, entry);
      if (victim === null) {
        // Every other open socket is serving a request: those finish soon by themselves.
        refused += 1;
        socket.destroy();
        return;
      }
      evicted += 1;
      victim.socket.destroy();
    }
    // Node's http server destroys a socket whose timeout fires when nobody else listens.
    socket.setTimeout(limits.firstRequestTimeoutMs);
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = tracked.get(req.socket);
    // A request parsed after its socket was cut off (pipelined in the same read) is never
    // answered: no listeners for it, each would live until the socket's close.
    if (entry === undefined || req.socket.destroyed) return;
    entry.inFlight += 1;
    // The request is here: Node's requestTimeout and keepAliveTimeout take over.
    req.socket.setTimeout(0);
    // An ended answer that the client does not take is no reason to keep the socket when a
    // newcomer needs the slot: 'prefinish' is the end, 'close' covers a socket gone first.
    let counted = true;
    const done = (): void => {
      if (!counted) return;
      counted = false;
      entry.inFlight -= 1;
    };
    res.once('prefinish', done);
    res.once('close', done);
    // Runs after Node's own 'finish' listener, which set the keep-alive timeout.
    res.once('finish', () => {
      if (entry.page && !req.socket.destroyed) req.socket.setTimeout(limits.pageKeepAliveMs);
    });
  });

  return {
    trustSocketOf(req, res) {
      const entry = tracked.get(req.socket);
      if (entry === undefined) return;
      if (!entry.page && pageCount < limits.pageSlots) {
        entry.page = true;
        pageCount += 1;
      }
      // Replaces Node's own `timeout=` hint, which tells clients the strangers' shorter time.
      if (entry.page && res.shouldKeepAlive) {
        res.setHeader('keep-alive', `timeout=${Math.floor(limits.pageKeepAliveMs / 1000)}`);
      }
    },
    isPage: (socket) => tracked.get(socket)?.page === true,
    counts: () => ({ open: openCount(), page: pageCount, evicted, refused }),
  };
}
