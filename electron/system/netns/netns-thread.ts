import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CAPPED_READ_FUNCTIONS, readProcTextSync, readStateFileSync } from './capped-read';
import { CGROUP_FUNCTIONS, containerOfCgroup } from './cgroup-identity';
import { NAME_FUNCTIONS, nameContainersSync } from './container-names';
import { SCAN_FUNCTIONS, scanNamespacesSync, type ScanKit } from './namespace-scan';
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

interface Pending {
  readonly resolve: (answer: NamespaceListingAnswer) => void;
  readonly timer: NodeJS.Timeout;
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
  const kit = [
    'fs',
    `readProcText: ${declaredName(readProcTextSync)}`,
    `readStateFile: ${declaredName(readStateFileSync)}`,
    `containerOfCgroup: ${declaredName(containerOfCgroup)}`,
    `nameContainers: ${declaredName(nameContainersSync)}`,
  ].join(', ');
  const functions = [
    ...CAPPED_READ_FUNCTIONS,
    ...CGROUP_FUNCTIONS,
    ...NAME_FUNCTIONS,
    ...SCAN_FUNCTIONS,
  ];
  // `__name`: tsx keeps function names through a helper the worker does not have.
  return [
    'var __name = (target) => target;',
    ...functions.map((fn) => fn.toString()),
    "const { parentPort } = require('node:worker_threads');",
    "const fs = require('node:fs');",
    'parentPort.on("message", ({ id, request }) => {',
    '  let answer;',
    `  try { answer = { id, value: ${declaredName(scanNamespacesSync)}({ ${kit} }, request) }; }`,
    '  catch (error) { answer = { id, failed: String(error && error.stack || error) }; }',
    '  parentPort.postMessage(answer);',
    '});',
  ].join('\n');
}

type WorkerAnswer =
  | { readonly id: number; readonly value: NamespaceScanAnswer }
  | { readonly id: number; readonly failed: string };

function settle(scanner: ScanThread, id: number, answer: NamespaceListingAnswer): void {
  const pending = scanner.pending.get(id);
  if (!pending) return;
  clearTimeout(pending.timer);
  scanner.pending.delete(id);
  // An idle thread must not keep the process alive.
  if (scanner.pending.size === 0) scanner.worker.unref();
  pending.resolve(answer);
}

/** Drops a thread that failed or hangs: the next listing starts a fresh one. */
function abandon(scanner: ScanThread, detail: string): void {
  if (thread === scanner) thread = null;
  for (const id of [...scanner.pending.keys()]) {
    settle(scanner, id, { ok: false, error: { code: 'netns-reader-failed', detail } });
  }
  void scanner.worker.terminate();
}

function startThread(): ScanThread {
  const worker = new Worker(workerSource(), { eval: true });
  const scanner: ScanThread = { worker, pending: new Map() };
  worker.on('message', (message: WorkerAnswer) => {
    settle(
      scanner,
      message.id,
      'value' in message
        ? ranOn(message.value, 'worker')
        : { ok: false, error: { code: 'netns-reader-failed', detail: message.failed } },
    );
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
};

/** Scans on the worker thread; where no worker can start, scans here (still bounded). */
export function runNamespaceScan(request: NamespaceScanRequest): Promise<NamespaceListingAnswer> {
  let scanner: ScanThread;
  try {
    scanner = thread ?? startThread();
  } catch {
    return Promise.resolve(scanHere(request));
  }
  thread = scanner;
  const id = nextId++;
  const waitMs = request.limits.timeLimitMs + THREAD_GRACE_MS;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const detail = `no answer within ${waitMs} ms`;
      settle(scanner, id, { ok: false, error: { code: 'netns-reader-timeout', detail } });
      abandon(scanner, detail);
    }, waitMs);
    timer.unref();
    scanner.pending.set(id, { resolve, timer });
    scanner.worker.ref();
    scanner.worker.postMessage({ id, request });
  });
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
