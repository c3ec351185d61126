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
  counts(): ConnectionGateCounts;
}

interface Tracked {
  readonly socket: Socket;
  readonly acceptedAt: number;
  /** Requests received on this socket whose response has not finished. */
  inFlight: number;
  page: boolean;
}

/**
 * Picks the socket to close so that a newcomer fits, or null when none may go: never one
 * that is serving a request, never the page's. Among the rest, sockets past their grace
 * time go before younger ones (a young one's request may still be on its way), and within
 * that, sockets that never sent a byte (an idle flood) before those that did (a served
 * keep-alive, half-sent headers); oldest first in each tier. `tracked` iterates in
 * acceptance order. A young socket is still taken rather than refusing the newcomer: a
 * refusal is certain to hit a page's request that arrives then, while a young socket is
 * only reached after every older stranger has gone.
 */
export function pickEviction(
  tracked: Iterable<{
    readonly acceptedAt: number;
    readonly inFlight: number;
    readonly page: boolean;
    readonly bytesRead: number;
  }>,
  now: number,
  graceMs: number,
): number | null {
  // Index of the first (oldest) socket in each tier: 0 is the first to go.
  const firstInTier: (number | null)[] = [null, null, null, null];
  let index = 0;
  for (const entry of tracked) {
    if (!entry.page && entry.inFlight === 0) {
      const tier = (now - entry.acceptedAt >= graceMs ? 0 : 2) + (entry.bytesRead === 0 ? 0 : 1);
      if (tier === 0) return index;
      firstInTier[tier] ??= index;
    }
    index += 1;
  }
  return firstInTier.find((found) => found !== null) ?? null;
}

/** Applies `limits` to every connection `server` accepts. Replaces `server.maxConnections`. */
export function gateConnections(server: Server, limits: ConnectionGateLimits): ConnectionGate {
  // Insertion order is acceptance order, which pickEviction relies on.
  const tracked = new Map<Socket, Tracked>();
  let pageCount = 0;
  let evicted = 0;
  let refused = 0;

  const openCount = (): number => tracked.size - pageCount;

  const makeRoomFor = (newcomer: Socket): boolean => {
    const candidates = [...tracked.values()].filter((entry) => entry.socket !== newcomer);
    const index = pickEviction(
      candidates.map((entry) => ({ ...entry, bytesRead: entry.socket.bytesRead })),
      Date.now(),
      limits.evictionGraceMs,
    );
    const victim = index === null ? undefined : candidates[index];
    if (victim === undefined) return false;
    victim.socket.destroy();
    evicted += 1;
    return true;
  };

  server.on('connection', (socket: Socket) => {
    tracked.set(socket, { socket, acceptedAt: Date.now(), inFlight: 0, page: false });
    socket.once('close', () => {
      if (tracked.get(socket)?.page === true) pageCount -= 1;
      tracked.delete(socket);
    });
    if (openCount() > limits.openSlots && !makeRoomFor(socket)) {
      refused += 1;
      socket.destroy();
      return;
    }
    // Node's http server destroys a socket whose timeout fires when nobody else listens.
    socket.setTimeout(limits.firstRequestTimeoutMs);
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = tracked.get(req.socket);
    if (entry === undefined) return;
    entry.inFlight += 1;
    // The request is here: Node's requestTimeout and keepAliveTimeout take over.
    req.socket.setTimeout(0);
    res.once('close', () => {
      entry.inFlight -= 1;
    });
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
      if (entry.page) {
        res.setHeader('keep-alive', `timeout=${Math.floor(limits.pageKeepAliveMs / 1000)}`);
      }
    },
    counts: () => ({ open: openCount(), page: pageCount, evicted, refused }),
  };
}
