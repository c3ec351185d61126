import { answerRead, TREE_READ_FUNCTIONS } from './sysctl-read-core';
import { ENTRY_READ_FUNCTIONS, readEntrySync, readRegularSync } from './sysctl-read-entry';
import {
  beginKeeping,
  keepListing,
  KEEP_FUNCTIONS,
  readEntryKept,
  recallListing,
} from './sysctl-read-keep';
import { answerToPost, POST_FUNCTIONS } from './sysctl-read-post';
import { identityOf, loggingFs, LOG_FUNCTIONS } from './sysctl-read-log';
import { vetRead, VET_FUNCTIONS } from './sysctl-read-vet';

/**
 * The reader thread's code (sysctl-read-thread.ts runs it): the reader's functions as
 * text (`eval`), the same under tsx, the test runner and every bundle, and its loop.
 */

/** Slots of the shared counters: requests posted (main adds), rounds answered (worker adds). */
export const ASKED = 0;
export const ANSWERED = 1;

/**
 * The name a function is declared with in its text: a minifier may rename it, and then
 * `.name` (kept by keepNames) no longer says what the text declares.
 */
function declaredName(fn: { toString(): string }): string {
  return /^function\s*([\w$]+)/.exec(fn.toString())?.[1] ?? 'missing';
}

/**
 * The thread's kit: what it keeps between reads lives as long as the thread, so a
 * restarted thread starts with nothing kept. Its `fs` logs the calls a read makes and
 * their answers (sysctl-read-vet.ts).
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
  const logged = `${declaredName(loggingFs)}(fs, log)`;
  return `{ fs: ${logged}, ${entry}, readRegular: ${declaredName(readRegularSync)}, keeping: { ${keeping.join(', ')} } }`;
}

/** One request's answer as posted: the value (or `same`), and its vet when asked. */
function answerSource(): string {
  const read = `${declaredName(answerRead)}(kit, request)`;
  const what =
    "request.kind === 'file' ? { path: request.path } : { cache: kit.keeping.cache, log }";
  const vet = `${declaredName(vetRead)}(fs, ${declaredName(identityOf)}, request.vet, ${what})`;
  return [
    'log.calls.length = 0;',
    'log.bytes = false;',
    `const posted = ${declaredName(answerToPost)}(answers, request, ${read});`,
    `return request.vet ? { id, ok: true, ...posted, vet: ${vet} } : { id, ok: true, ...posted };`,
  ].join(' ');
}

export function workerSource(): string {
  const functions = [
    ...ENTRY_READ_FUNCTIONS,
    ...KEEP_FUNCTIONS,
    ...POST_FUNCTIONS,
    ...LOG_FUNCTIONS,
    ...VET_FUNCTIONS,
    ...TREE_READ_FUNCTIONS,
  ];
  // `__name`: tsx keeps function names through a helper the worker does not have.
  return [
    'var __name = (target) => target;',
    ...functions.map((fn) => fn.toString()),
    "const { workerData, receiveMessageOnPort } = require('node:worker_threads');",
    "const fs = require('node:fs');",
    'const { port, counters } = workerData;',
    'const log = { calls: [], bytes: false };',
    `const kit = ${kitSource()};`,
    'const answers = new Map();',
    'for (let seen = 0; ; ) {',
    `  Atomics.wait(counters, ${ASKED}, seen);`,
    `  seen = Atomics.load(counters, ${ASKED});`,
    '  for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {',
    '    port.postMessage(got.message.map(({ id, request }) => {',
    `      try { ${answerSource()} }`,
    '      catch (error) { return { id, ok: false, detail: String(error && error.stack || error) }; }',
    // Cloned, not transferred: small files share the buffer pool's slabs, each copied once.
    '    }));',
    '  }',
    `  Atomics.add(counters, ${ANSWERED}, 1);`,
    `  Atomics.notify(counters, ${ANSWERED});`,
    '}',
  ].join('\n');
}
