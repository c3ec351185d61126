import * as fs from 'node:fs';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { SysctlSources } from './engines/file-order';
import { answerRead, TREE_READ_FUNCTIONS } from './sysctl-read-core';
import { ENTRY_READ_FUNCTIONS, readEntrySync, readRegularSync } from './sysctl-read-entry';
import { takeAnswer, type WorkerAnswer } from './sysctl-read-answers';
import {
  answerToPost,
  beginKeeping,
  keepListing,
  KEEP_FUNCTIONS,
  readEntryKept,
  recallListing,
} from './sysctl-read-keep';
import type { ReadRequest, RegularRead, TreeReadRequest } from './sysctl-read-types';

/**
 * Runs the synchronous reader (sysctl-read-core.ts) on one long-lived worker thread,
 * so no read ever runs on the UI's event loop, yet each is a plain sequence of system
 * calls with no thread-pool round trip per file.
 *
 * The thread sleeps in Atomics.wait and the main thread awaits Atomics.waitAsync: a
 * request and its answer travel on a MessagePort taken with receiveMessageOnPort, so
 * neither side waits for its event loop to come round (a round trip costs about 5 µs
 * instead of 70 µs for a worker's 'message' event). The worker's code is the reader's
 * functions as text (`eval`): the same under tsx, the test runner and every bundle.
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

/** Slots of the shared counters: requests posted (main adds), rounds answered (worker adds). */
const ASKED = 0;
const ANSWERED = 1;

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

interface Asked {
  readonly id: number;
  readonly request: ReadRequest;
}

interface ReaderThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly counters: Int32Array;
  readonly pending: Map<number, (answer: Answer) => void>;
  /** Asked in this tick, sent together: a state read's tree and runtime values are one message. */
  outbox: Asked[];
  waiting: boolean;
  /** The thread's last tree answers, as the thread keeps them (sysctl-read-answers.ts). */
  readonly answers: Map<string, unknown>;
}

let thread: ReaderThread | null = null;
let nextId = 1;

/**
 * The name a function is declared with in its text: a minifier may rename it, and then
 * `.name` (kept by keepNames) no longer says what the text declares.
 */
function declaredName(fn: { toString(): string }): string {
  return /^function\s*([\w$]+)/.exec(fn.toString())?.[1] ?? 'missing';
}

/**
 * The thread's kit: what it keeps between reads lives as long as the thread, so a
 * restarted thread starts with nothing kept.
 */
function kitSource(): string {
  const keeping = [
    'cache: { kept: new Map(), size: 0 }',
    `begin: ${declaredName(beginKeeping)}`,
    `entry: ${declaredName(readEntryKept)}`,
    `recallListing: ${declaredName(recallListing)}`,
    `keepListing: ${declaredName(keepListing)}`,
  ];
  const entry = `readEntry: ${declaredName(readEntrySync)}`;
  return `{ fs, ${entry}, readRegular: ${declaredName(readRegularSync)}, keeping: { ${keeping.join(', ')} } }`;
}

function workerSource(): string {
  const functions = [...ENTRY_READ_FUNCTIONS, ...KEEP_FUNCTIONS, ...TREE_READ_FUNCTIONS];
  // `__name`: tsx keeps function names through a helper the worker does not have.
  return [
    'var __name = (target) => target;',
    ...functions.map((fn) => fn.toString()),
    "const { workerData, receiveMessageOnPort } = require('node:worker_threads');",
    "const fs = require('node:fs');",
    'const { port, counters } = workerData;',
    `const kit = ${kitSource()};`,
    'const answers = new Map();',
    'for (let seen = 0; ; ) {',
    `  Atomics.wait(counters, ${ASKED}, seen);`,
    `  seen = Atomics.load(counters, ${ASKED});`,
    '  for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {',
    '    port.postMessage(got.message.map(({ id, request }) => {',
    `      try { return { id, ok: true, ...${declaredName(answerToPost)}(answers, request, ${declaredName(answerRead)}(kit, request)) }; }`,
    '      catch (error) { return { id, ok: false, detail: String(error && error.stack || error) }; }',
    // Cloned, not transferred: small files share the buffer pool's slabs, each copied once.
    '    }));',
    '  }',
    `  Atomics.add(counters, ${ANSWERED}, 1);`,
    `  Atomics.notify(counters, ${ANSWERED});`,
    '}',
  ].join('\n');
}

function settle(reader: ReaderThread, id: number, answer: Answer): void {
  const resolve = reader.pending.get(id);
  if (!resolve) return;
  reader.pending.delete(id);
  // An idle reader must not keep the process alive (a pending waitAsync does not).
  if (reader.pending.size === 0) reader.worker.unref();
  resolve(answer);
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
        settle(reader, message.id, takeAnswer(reader.answers, message));
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
    reader.pending.set(id, resolve);
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

/** Reads a tree on the worker thread; where no worker can start, reads here (still bounded). */
export function runTreeRead(request: TreeReadRequest): Promise<TreeReadAnswer> {
  return ask(request) as Promise<TreeReadAnswer>;
}

/** Reads one regular file up to `maxBytes` on the worker thread (see safe-read.ts). */
export function runFileRead(path: string, maxBytes: number): Promise<ReaderAnswer<RegularRead>> {
  return ask({ kind: 'file', path, maxBytes }) as Promise<ReaderAnswer<RegularRead>>;
}

function readHere(request: ReadRequest, cause: unknown): Answer {
  try {
    const kit = { fs, readEntry: readEntrySync, readRegular: readRegularSync };
    return { ok: true, value: answerRead(kit, request) };
  } catch (error) {
    return { ok: false, error: 'reader-failed', detail: `${String(cause)}; ${String(error)}` };
  }
}
