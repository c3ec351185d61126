import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CAPPED_READ_FUNCTIONS, readProcTextSync, readStateFileSync } from './capped-read';
import { CGROUP_FUNCTIONS, containerOfCgroup } from './cgroup-identity';
import {
  CONTAINER_FILE_FUNCTIONS,
  namespaceLastingSync,
  nameContainersSync,
} from './container-files';
import { SCAN_FUNCTIONS, scanNamespacesSync, type ScanKit } from './namespace-scan';
import {
  INSIDE_READ_FUNCTIONS,
  listInsideSync,
  readInsideSync,
  type InsideList,
  type InsideRead,
} from './namespace-services-read';
import {
  localAddressesSync,
  PROC_FACT_FUNCTIONS,
  processFactsSync,
  type LocalAddresses,
  type ProcessFacts,
} from './namespace-services-proc';
import type {
  NamespaceListingAnswer,
  NamespaceScanAnswer,
  NamespaceScanRequest,
} from './netns-types';

/**
 * Runs the synchronous namespace scan (namespace-scan.ts) on one long-lived worker
 * thread, as sysctl-read-thread.ts runs the sysctl reader: thousands of small /proc
 * reads as plain system calls, none of them on the UI's event loop.
 *
 * The worker's code is the scan's functions as text (`eval`), the same under tsx, the
 * test runner and every esbuild bundle, so there is no second entry file to build.
 */

/**
 * The scan stops itself at its own time limit; a thread that has not answered well
 * after that is stuck in the kernel (a hung mount under a runtime's state directory).
 */
export const THREAD_GRACE_MS = 5_000;

/** A read inside a process's root or about its namespace, asked of the same thread. */
export type InsideCall =
  | { readonly kind: 'read'; readonly pid: number; readonly path: string; readonly max: number }
  | { readonly kind: 'list'; readonly pid: number; readonly path: string; readonly max: number }
  | { readonly kind: 'facts'; readonly pid: number }
  | { readonly kind: 'locals'; readonly pid: number };

export interface InsideAnswers {
  readonly read: InsideRead;
  readonly list: InsideList;
  readonly facts: ProcessFacts;
  readonly locals: LocalAddresses;
}

/** One message waiting for the thread; `ask` types its answer. */
interface Pending {
  readonly resolve: (answer: unknown) => void;
  readonly timer: NodeJS.Timeout;
  /** What to answer when the thread fails or hangs. */
  readonly failed: (detail: string) => unknown;
}

interface ScanThread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

let thread: ScanThread | null = null;
let nextId = 1;

/** The name a function is declared with in its text (a bundler may have renamed it). */
function declaredName(fn: { toString(): string }): string {
  return /^function\s*([\w$]+)/.exec(fn.toString())?.[1] ?? 'missing';
}

function workerSource(): string {
  // The same kit as LOCAL_SCAN_KIT, each function by the name its text declares there.
  const kit = Object.entries(LOCAL_SCAN_KIT)
    .map(([key, value]) => (key === 'fs' ? 'fs' : `${key}: ${declaredName(value)}`))
    .join(', ');
  const functions = [
    ...INSIDE_READ_FUNCTIONS,
    ...PROC_FACT_FUNCTIONS,
    ...CAPPED_READ_FUNCTIONS,
    ...CGROUP_FUNCTIONS,
    ...CONTAINER_FILE_FUNCTIONS,
    ...SCAN_FUNCTIONS,
  ];
  // `__name`: tsx keeps function names through a helper the worker does not have.
  return [
    'var __name = (target) => target;',
    ...functions.map((fn) => fn.toString()),
    "const { parentPort } = require('node:worker_threads');",
    "const fs = require('node:fs');",
    // The paths are built here from a pid that must be a positive integer.
    'function inside(call) {',
    "  if (!Number.isSafeInteger(call.pid) || call.pid < 1) return { ok: false, code: 'EINVAL' };",
    `  if (call.kind === 'read') return ${declaredName(readInsideSync)}(fs, '/proc/' + call.pid + '/root', call.path, call.max);`,
    `  if (call.kind === 'list') return ${declaredName(listInsideSync)}(fs, '/proc/' + call.pid + '/root', call.path, call.max);`,
    `  if (call.kind === 'facts') return ${declaredName(processFactsSync)}(fs, '/proc/' + call.pid);`,
    `  return ${declaredName(localAddressesSync)}(fs, '/proc/' + call.pid + '/net');`,
    '}',
    'parentPort.on("message", ({ id, request, call }) => {',
    '  let answer;',
    `  try { answer = { id, value: call ? inside(call) : ${declaredName(scanNamespacesSync)}({ ${kit} }, request) }; }`,
    '  catch (error) { answer = { id, failed: String(error && error.stack || error) }; }',
    '  parentPort.postMessage(answer);',
    '});',
  ].join('\n');
}

type WorkerAnswer =
  | {
      readonly id: number;
      readonly value: NamespaceScanAnswer | InsideAnswers[keyof InsideAnswers];
    }
  | { readonly id: number; readonly failed: string };

function settle(
  scanner: ScanThread,
  id: number,
  answer: NamespaceScanAnswer | InsideAnswers[keyof InsideAnswers] | null,
  failure = '',
): void {
  const pending = scanner.pending.get(id);
  if (!pending) return;
  clearTimeout(pending.timer);
  scanner.pending.delete(id);
  // An idle thread must not keep the process alive.
  if (scanner.pending.size === 0) scanner.worker.unref();
  pending.resolve(answer ?? pending.failed(failure));
}

/** Drops a thread that failed or hangs: the next listing starts a fresh one. */
function abandon(scanner: ScanThread, detail: string): void {
  if (thread === scanner) thread = null;
  for (const id of [...scanner.pending.keys()]) settle(scanner, id, null, detail);
  void scanner.worker.terminate();
}

function startThread(): ScanThread {
  const worker = new Worker(workerSource(), { eval: true });
  const scanner: ScanThread = { worker, pending: new Map() };
  worker.on('message', (message: WorkerAnswer) => {
    if ('value' in message) settle(scanner, message.id, message.value);
    else settle(scanner, message.id, null, message.failed);
  });
  worker.on('error', (error) => abandon(scanner, String(error)));
  worker.on('exit', (exitCode) => abandon(scanner, `thread exited (${exitCode})`));
  worker.unref();
  return scanner;
}

/** The kit the scan gets when it runs on this thread (no worker could start). */
export const LOCAL_SCAN_KIT: ScanKit = {
  fs,
  readProcText: readProcTextSync,
  readStateFile: readStateFileSync,
  containerOfCgroup,
  nameContainers: nameContainersSync,
  lasting: namespaceLastingSync,
};

/** The listing thread, started when there is none; what stopped it from starting otherwise. */
function currentThread(): ScanThread | { readonly failed: string } {
  try {
    thread ??= startThread();
    return thread;
  } catch (error) {
    return { failed: String(error) };
  }
}

/** Scans on the worker thread; where no worker can start, scans here (still bounded). */
export function runNamespaceScan(request: NamespaceScanRequest): Promise<NamespaceListingAnswer> {
  const scanner = currentThread();
  if ('failed' in scanner) return Promise.resolve(scanHere(request));
  const waitMs = request.limits.timeLimitMs + THREAD_GRACE_MS;
  return ask<NamespaceScanAnswer | NamespaceListingAnswer>(
    scanner,
    { request },
    waitMs,
    (detail) => ({ ok: false, error: { code: 'netns-reader-failed', detail } }),
    (detail) => ({ ok: false, error: { code: 'netns-reader-timeout', detail } }),
  ).then((answer) => ('scannedOn' in answer || !answer.ok ? answer : ranOn(answer, 'worker')));
}

/**
 * One message to the thread and its answer; past `waitMs` the thread is taken to hang in
 * the kernel (a FUSE file inside a container that never answers): the caller gets
 * `timedOut`, and the next call starts a fresh thread.
 */
function ask<T>(
  scanner: ScanThread,
  message: object,
  waitMs: number,
  failed: (detail: string) => T,
  timedOut: (detail: string) => T,
): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => {
      const detail = `no answer within ${waitMs} ms`;
      const pending = scanner.pending.get(id);
      if (pending) scanner.pending.set(id, { ...pending, failed: () => timedOut(detail) });
      settle(scanner, id, null, detail);
      abandon(scanner, detail);
    }, waitMs);
    timer.unref();
    scanner.pending.set(id, {
      // The thread answers a message with the type its sender asked for.
      resolve: (answer) => resolve(answer as T),
      timer,
      failed,
    });
    scanner.worker.ref();
    scanner.worker.postMessage({ id, ...message });
  });
}

/**
 * A read inside a process's root or about its namespace, on the listing thread: never on
 * the event loop. Past `waitMs` (the caller's time left) it answers `{ ok: false, code: 'timeout' }`.
 */
export function askInside<K extends InsideCall['kind']>(
  call: Extract<InsideCall, { kind: K }>,
  waitMs: number,
): Promise<InsideAnswers[K]> {
  const scanner = currentThread();
  const failure = (code: string) => ({ ok: false, code }) as InsideAnswers[K];
  if ('failed' in scanner) return Promise.resolve(failure(`thread: ${scanner.failed}`));
  return ask(
    scanner,
    { call },
    Math.max(1, waitMs),
    (detail) => failure(`thread: ${detail}`),
    () => failure('timeout'),
  );
}

function ranOn(answer: NamespaceScanAnswer, where: 'worker' | 'main'): NamespaceListingAnswer {
  return answer.ok ? { ...answer, scannedOn: where } : answer;
}

function scanHere(request: NamespaceScanRequest): NamespaceListingAnswer {
  try {
    return ranOn(scanNamespacesSync(LOCAL_SCAN_KIT, request), 'main');
  } catch (error) {
    return { ok: false, error: { code: 'netns-reader-failed', detail: String(error) } };
  }
}
