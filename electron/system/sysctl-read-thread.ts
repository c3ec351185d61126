import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SysctlSources } from './engines/file-order';
import { answerTreeRead, TREE_READ_FUNCTIONS } from './sysctl-read-core';
import { ENTRY_READ_FUNCTIONS, readEntrySync } from './sysctl-read-entry';
import type { TreeReadRequest } from './sysctl-read-types';
import type { SnapshotEntry } from './sysctl-snapshot';

/**
 * Runs the synchronous sysctl reader (sysctl-read-core.ts) on one long-lived worker
 * thread, so no read ever runs on the UI's event loop, yet each is a plain sequence
 * of system calls with no thread-pool round trip per file.
 *
 * The worker's code is the reader's functions as text (`eval`): that text is the same
 * under tsx, the test runner and every esbuild bundle (dist/, test bundles), so there
 * is no second entry file to build, find or keep in step.
 */

export type TreeReadAnswer =
  | { readonly ok: true; readonly value: SysctlSources }
  | {
      readonly ok: false;
      readonly error: 'reader-timeout' | 'reader-failed';
      readonly detail: string;
    };

/**
 * A read that has not answered by then is stuck in the kernel (a hung network or FUSE
 * mount: only those can block a non-blocking open or a regular read). The hostile tree,
 * the worst input the reader is built for, takes well under 2 s even on a loaded machine.
 */
export const TREE_READ_TIME_LIMIT_MS = 20_000;

interface Pending {
  readonly resolve: (answer: TreeReadAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

interface ReaderThread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
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

function workerSource(): string {
  const kit = `{ fs, readEntry: ${declaredName(readEntrySync)} }`;
  // `__name`: tsx keeps function names through a helper the worker does not have.
  return [
    'var __name = (target) => target;',
    ...[...ENTRY_READ_FUNCTIONS, ...TREE_READ_FUNCTIONS].map((fn) => fn.toString()),
    "const { parentPort } = require('node:worker_threads');",
    "const fs = require('node:fs');",
    'parentPort.on("message", ({ id, request }) => {',
    '  let answer;',
    `  try { answer = { id, ok: true, value: ${declaredName(answerTreeRead)}(${kit}, request) }; }`,
    '  catch (error) { answer = { id, ok: false, detail: String(error && error.stack || error) }; }',
    '  const transfer = answer.ok ? packContents(answer.value) : [];',
    '  parentPort.postMessage(answer, transfer);',
    '});',
    // Every file's bytes are copied into one block that moves to the main thread:
    // one transfer instead of one per file (the views keep sharing it on arrival).
    'function packContents(value) {',
    '  const files = [value.sysctlConf, value.credential && value.credential.entry,',
    '    ...value.directories.flatMap((d) => d.entries)].filter((e) => e && e.kind === "file");',
    '  const block = new Uint8Array(files.reduce((n, e) => n + e.content.length, 0));',
    '  let offset = 0;',
    '  for (const e of files) {',
    '    block.set(e.content, offset);',
    '    e.content = block.subarray(offset, offset + e.content.length);',
    '    offset += e.content.length;',
    '  }',
    '  return [block.buffer];',
    '}',
  ].join('\n');
}

function settle(reader: ReaderThread, id: number, answer: TreeReadAnswer): void {
  const pending = reader.pending.get(id);
  if (!pending) return;
  clearTimeout(pending.timer);
  reader.pending.delete(id);
  // An idle reader must not keep the process alive.
  if (reader.pending.size === 0) reader.worker.unref();
  pending.resolve(answer);
}

/** Drops a thread that failed or hangs: the next read starts a fresh one. */
function abandon(reader: ReaderThread, detail: string): void {
  if (thread === reader) thread = null;
  for (const id of [...reader.pending.keys()]) {
    settle(reader, id, { ok: false, error: 'reader-failed', detail });
  }
  void reader.worker.terminate();
}

function startThread(): ReaderThread {
  const worker = new Worker(workerSource(), { eval: true });
  const reader: ReaderThread = { worker, pending: new Map() };
  worker.on('message', (message: WorkerAnswer) => {
    settle(
      reader,
      message.id,
      message.ok
        ? { ok: true, value: reviveBuffers(message.value) }
        : { ok: false, error: 'reader-failed', detail: message.detail },
    );
  });
  worker.on('error', (error) => abandon(reader, String(error)));
  worker.on('exit', (exitCode) => abandon(reader, `reader thread exited (${exitCode})`));
  worker.unref();
  return reader;
}

type WorkerAnswer =
  | { readonly id: number; readonly ok: true; readonly value: SysctlSources }
  | { readonly id: number; readonly ok: false; readonly detail: string };

/** Structured cloning turns a Buffer into a plain Uint8Array; the snapshot holds Buffers. */
function reviveEntry(entry: SnapshotEntry): SnapshotEntry {
  if (entry.kind !== 'file') return entry;
  const c = entry.content as Uint8Array;
  return { ...entry, content: Buffer.from(c.buffer, c.byteOffset, c.byteLength) };
}

function reviveBuffers(value: SysctlSources): SysctlSources {
  return {
    ...value,
    directories: value.directories.map((d) => ({ ...d, entries: d.entries.map(reviveEntry) })),
    sysctlConf: value.sysctlConf ? reviveEntry(value.sysctlConf) : null,
    ...(value.credential
      ? { credential: { ...value.credential, entry: reviveEntry(value.credential.entry) } }
      : {}),
  };
}

/** Reads on the worker thread; where no worker can start, reads here (still bounded). */
export function runTreeRead(request: TreeReadRequest): Promise<TreeReadAnswer> {
  let reader: ReaderThread;
  try {
    reader = thread ?? startThread();
  } catch (error) {
    return Promise.resolve(readHere(request, error));
  }
  thread = reader;
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const detail = `no answer within ${TREE_READ_TIME_LIMIT_MS} ms`;
      settle(reader, id, { ok: false, error: 'reader-timeout', detail });
      abandon(reader, detail);
    }, TREE_READ_TIME_LIMIT_MS);
    timer.unref();
    reader.pending.set(id, { resolve, timer });
    reader.worker.ref();
    reader.worker.postMessage({ id, request });
  });
}

function readHere(request: TreeReadRequest, cause: unknown): TreeReadAnswer {
  try {
    return { ok: true, value: answerTreeRead({ fs, readEntry: readEntrySync }, request) };
  } catch (error) {
    return { ok: false, error: 'reader-failed', detail: `${String(cause)}; ${String(error)}` };
  }
}
