import * as fs from 'node:fs';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { SysctlSources } from './engines/file-order';
import { answerRead } from './sysctl-read-core';
import { readEntrySync, readRegularSync } from './sysctl-read-entry';
import { takeAnswer, type WorkerAnswer } from './sysctl-read-answers';
import {
  armedTree,
  mayReadHere,
  noteFileVet,
  noteTreeAnswer,
  readFileHere,
  readTreeHere,
  stillArmed,
  vetAsk,
} from './sysctl-read-here';
import { afterPendingEvents } from './sysctl-read-watch';
import type { ReadRequest, RegularRead, TreeReadRequest } from './sysctl-read-types';
import { ANSWERED, ASKED, workerSource } from './sysctl-read-worker';

/**
 * Runs the synchronous reader (sysctl-read-core.ts) on one long-lived worker thread,
 * so no read ever runs on the UI's event loop, yet each is a plain sequence of system
 * calls with no thread-pool round trip per file.
 *
 * The thread sleeps in Atomics.wait and the main thread awaits Atomics.waitAsync: a
 * request and its answer travel on a MessagePort taken with receiveMessageOnPort, so
 * neither side waits for its event loop to come round (a round trip costs about 5 µs
 * instead of 70 µs for a worker's 'message' event). The worker's code is the reader's
 * functions as text (sysctl-read-worker.ts). A read whose every file the thread kept,
 * on paths it vetted, is repeated on the main thread instead (sysctl-read-here.ts):
 * waking a sleeping core costs more than the whole read.
 */

export type ReaderAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: 'reader-timeout' | 'reader-failed';
      readonly detail: string;
    };
export type TreeReadAnswer = ReaderAnswer<SysctlSources>;

/**
 * A read that has not answered by then is stuck in the kernel (a hung network or FUSE
 * mount: only those can block a non-blocking open or a regular read). The hostile tree,
 * the worst input the reader is built for, takes well under 2 s even on a loaded machine.
 */
export const TREE_READ_TIME_LIMIT_MS = 20_000;

// Node 20 has Atomics.waitAsync; the project's ES library version does not declare it yet.
declare global {
  interface Atomics {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
}

type Answer = ReaderAnswer<SysctlSources | RegularRead>;

interface Pending {
  readonly request: ReadRequest;
  readonly resolve: (answer: Answer) => void;
}

interface Asked {
  readonly id: number;
  readonly request: ReadRequest;
}

interface ReaderThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly counters: Int32Array;
  readonly pending: Map<number, Pending>;
  /** Asked in this tick, sent together: a state read's tree and runtime values are one message. */
  outbox: Asked[];
  waiting: boolean;
  /** The thread's last tree answers, as the thread keeps them (sysctl-read-answers.ts). */
  readonly answers: Map<string, unknown>;
}

let thread: ReaderThread | null = null;
let nextId = 1;

function settle(reader: ReaderThread, id: number, answer: Answer): void {
  const pending = reader.pending.get(id);
  if (!pending) return;
  reader.pending.delete(id);
  // An idle reader must not keep the process alive (a pending waitAsync does not).
  if (reader.pending.size === 0) reader.worker.unref();
  pending.resolve(answer);
}

/** Hands a vet the thread made (or refused) to the main thread's repeat of the read. */
function noteVet(reader: ReaderThread, message: WorkerAnswer, answer: Answer): void {
  const request = reader.pending.get(message.id)?.request;
  if (!request?.vet || !answer.ok || !message.ok) return;
  if (request.kind === 'file') noteFileVet(request.path, message.vet);
  else noteTreeAnswer(request, answer.value as SysctlSources, message.vet);
}

/** Drops a thread that failed or hangs: the next read starts a fresh one. */
function abandon(
  reader: ReaderThread,
  detail: string,
  error: 'reader-timeout' | 'reader-failed',
): void {
  if (thread === reader) thread = null;
  for (const id of [...reader.pending.keys()]) settle(reader, id, { ok: false, error, detail });
  void reader.worker.terminate();
}

function startThread(): ReaderThread {
  const { port1, port2 } = new MessageChannel();
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: { port: port2, counters },
    transferList: [port2],
  });
  const reader: ReaderThread = {
    worker,
    port: port1,
    counters,
    pending: new Map(),
    outbox: [],
    waiting: false,
    answers: new Map(),
  };
  worker.on('error', (error) => abandon(reader, String(error), 'reader-failed'));
  worker.on('exit', (code) => abandon(reader, `reader thread exited (${code})`, 'reader-failed'));
  worker.unref();
  return reader;
}

/**
 * Takes every answer the thread has posted, then sleeps until it posts more. A thread
 * that answers nothing for the time limit while reads wait is stuck: it is dropped.
 */
async function collect(reader: ReaderThread): Promise<void> {
  if (reader.waiting) return;
  reader.waiting = true;
  while (reader.pending.size > 0) {
    const rounds = Atomics.load(reader.counters, ANSWERED);
    for (
      let got = receiveMessageOnPort(reader.port);
      got;
      got = receiveMessageOnPort(reader.port)
    ) {
      for (const message of got.message as WorkerAnswer[]) {
        const answer = takeAnswer(reader.answers, message);
        noteVet(reader, message, answer);
        settle(reader, message.id, answer);
      }
    }
    if (reader.pending.size === 0) break;
    const wait = Atomics.waitAsync(reader.counters, ANSWERED, rounds, TREE_READ_TIME_LIMIT_MS);
    if ((wait.async ? await wait.value : wait.value) === 'timed-out') {
      abandon(reader, `no answer within ${TREE_READ_TIME_LIMIT_MS} ms`, 'reader-timeout');
    }
  }
  reader.waiting = false;
}

function ask(request: ReadRequest): Promise<Answer> {
  let reader: ReaderThread;
  try {
    reader = thread ?? startThread();
  } catch (error) {
    return Promise.resolve(readHere(request, error));
  }
  thread = reader;
  const id = nextId++;
  return new Promise((resolve) => {
    reader.pending.set(id, { request, resolve });
    if (reader.outbox.push({ id, request }) === 1) queueMicrotask(() => send(reader));
  });
}

function send(reader: ReaderThread): void {
  const batch = reader.outbox;
  reader.outbox = [];
  // Dropped in the meantime: its reads have their answer already.
  if (thread !== reader) return;
  reader.worker.ref();
  reader.port.postMessage(batch);
  Atomics.add(reader.counters, ASKED, 1);
  Atomics.notify(reader.counters, ASKED);
  void collect(reader);
}

/**
 * Reads a tree on the worker thread, or repeats its last read here when that read used
 * only kept files on vetted paths; where no worker can start, reads here (still bounded).
 * While the tree's watches have seen nothing since its last confirmation, the last answer
 * stands once the events queued before this call are delivered (sysctl-read-watch.ts).
 */
export async function runTreeRead(request: TreeReadRequest): Promise<TreeReadAnswer> {
  const armed = armedTree(request);
  if (armed) {
    await afterPendingEvents();
    if (stillArmed(request, armed)) return { ok: true, value: armed.value };
  }
  const here = readTreeHere(request);
  if (here) return { ok: true, value: here };
  return ask({ ...request, vet: vetAsk(request.plan.keep.fileSystems) }) as Promise<TreeReadAnswer>;
}

/**
 * Reads one regular file up to `maxBytes` on the worker thread (see safe-read.ts).
 * `mayReadHere`: a small file read often (a running value) whose path the thread vetted
 * is read on the main thread, as the thread would read it.
 */
export function runFileRead(
  path: string,
  maxBytes: number,
  options: { readonly mayReadHere?: boolean } = {},
): Promise<ReaderAnswer<RegularRead>> {
  if (!options.mayReadHere || !mayReadHere(maxBytes)) {
    return ask({ kind: 'file', path, maxBytes }) as Promise<ReaderAnswer<RegularRead>>;
  }
  const here = readFileHere(path, maxBytes);
  if (here) return Promise.resolve({ ok: true, value: here });
  return ask({ kind: 'file', path, maxBytes, vet: vetAsk() }) as Promise<ReaderAnswer<RegularRead>>;
}

function readHere(request: ReadRequest, cause: unknown): Answer {
  try {
    const kit = { fs, readEntry: readEntrySync, readRegular: readRegularSync };
    return { ok: true, value: answerRead(kit, request) };
  } catch (error) {
    return { ok: false, error: 'reader-failed', detail: `${String(cause)}; ${String(error)}` };
  }
}
