import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How the preview answers connections that have not presented the page's token (the
 * page's own document, scripts and styles among them, and any other local program).
 *
 * A stranger that pipelined requests for the 200 KB script and never read the answers
 * made the preview grow without limit (691 MB from 100 sockets × 40 requests): every
 * answer waited in memory for a reader that never came, and nothing timed it out. So a
 * stranger gets one answer per connection, with `Connection: close`; reading stops at
 * its request, and one that pipelines a further request before its answer is out is cut
 * off. An answer not taken within `strangerAnswerTimeoutMs` is cut off with its socket,
 * and all strangers' unfinished answers together hold at most `strangerQueuedBytes`: a
 * newer answer pushes out the oldest.
 */
export interface StrangerLimits {
  readonly strangerAnswerTimeoutMs: number;
  readonly strangerQueuedBytes: number;
}

export interface StrangerCounts {
  /** Strangers' answers begun and not yet finished or cut off. */
  readonly pending: number;
  /** Their body bytes. */
  readonly queuedBytes: number;
  /** Sockets cut off since the start: answer not taken in time. */
  readonly timedOut: number;
  /** Sockets cut off since the start: pushed out by the byte cap. */
  readonly pushedOut: number;
  /** Sockets cut off since the start: pipelined while their answer was due. */
  readonly pipelined: number;
}

export interface StrangerAnswers {
  /**
   * Takes a stranger's request: true when it is to be answered (on a connection that
   * closes after it), false when it was pipelined behind another and its socket is gone.
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
  /** Makes room under the byte cap for a body of `bytes` about to be sent on `res`. */
  reserve(res: ServerResponse, bytes: number): void;
  counts(): StrangerCounts;
}

interface Pending {
  readonly socket: Socket;
  bytes: number;
}

export function answerStrangers(limits: StrangerLimits): StrangerAnswers {
  const answered = new WeakSet<Socket>();
  // Insertion order is the order answers began: the oldest are pushed out first.
  const pending = new Map<ServerResponse, Pending>();
  let queuedBytes = 0;
  let timedOut = 0;
  let pushedOut = 0;
  let pipelined = 0;

  const forget = (res: ServerResponse): void => {
    const entry = pending.get(res);
    if (entry === undefined) return;
    queuedBytes -= entry.bytes;
    pending.delete(res);
  };

  return {
    admit(req, res) {
      const socket = req.socket;
      if (answered.has(socket)) {
        // Node parses a whole read's worth of pipelined requests at once; each would keep
        // its own request and response objects until the socket closes.
        if (!socket.destroyed) {
          pipelined += 1;
          socket.destroy();
        }
        return false;
      }
      answered.add(socket);
      res.shouldKeepAlive = false;
      // Nothing more is read from this socket: its one request is here.
      socket.pause();
      pending.set(res, { socket, bytes: 0 });
      const timer = setTimeout(() => {
        timedOut += 1;
        socket.destroy();
      }, limits.strangerAnswerTimeoutMs);
      // 'close' follows both a finished answer (all of it handed to the kernel) and a
      // socket that went away first.
      res.once('close', () => {
        clearTimeout(timer);
        forget(res);
      });
      return true;
    },

    reserve(res, bytes) {
      const entry = pending.get(res);
      if (entry === undefined) return;
      for (const [other, { socket }] of pending) {
        if (queuedBytes + bytes <= limits.strangerQueuedBytes) break;
        if (other === res) continue;
        pushedOut += 1;
        forget(other);
        socket.destroy();
      }
      entry.bytes += bytes;
      queuedBytes += bytes;
    },

    counts: () => ({ pending: pending.size, queuedBytes, timedOut, pushedOut, pipelined }),
  };
}
