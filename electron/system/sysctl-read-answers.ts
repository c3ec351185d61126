import type { SysctlSources } from './engines/file-order';
import { rememberAnswer } from './sysctl-read-post';
import type { RegularRead } from './sysctl-read-types';
import type { SnapshotEntry } from './sysctl-snapshot';
import type { Vet } from './sysctl-read-vet';

/**
 * The reader thread's answers as the main thread takes them (sysctl-read-thread.ts).
 * A tree read that comes out the same as the last one for the same request is posted
 * as `same` (see answerToPost in sysctl-read-keep.ts): nothing to copy across and
 * nothing to rebuild, and the caller gets the value it got last time. Both sides keep
 * the last answers with the same function, in the order the answers are posted, so
 * what one side holds the other holds too.
 */

type Value = SysctlSources | RegularRead;

/** `vet`, when the read asked for one: whether and how the main thread may repeat it. */
export type WorkerAnswer =
  | {
      readonly id: number;
      readonly ok: true;
      readonly value: Value;
      readonly key?: string;
      readonly vet?: Vet | null;
    }
  | { readonly id: number; readonly ok: true; readonly same: string; readonly vet?: Vet | null }
  | { readonly id: number; readonly ok: false; readonly detail: string };

export type TakenAnswer =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: 'reader-failed'; readonly detail: string };

/** Structured cloning turns a Buffer into a plain Uint8Array; the snapshot holds Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function reviveEntry(entry: SnapshotEntry | null | undefined): void {
  if (entry?.kind === 'file') Object.assign(entry, { content: asBuffer(entry.content) });
}

/** In place: the cloned answer belongs to nobody else. */
function reviveBuffers<T extends Value>(value: T): T {
  if ('kind' in value) {
    if (value.kind === 'read') Object.assign(value, { bytes: asBuffer(value.bytes) });
    return value;
  }
  for (const d of value.directories) d.entries.forEach(reviveEntry);
  reviveEntry(value.sysctlConf);
  reviveEntry(value.credential?.entry);
  return value;
}

/** One posted answer, taken in the order posted; `last` is this thread's last answers. */
export function takeAnswer(last: Map<string, unknown>, message: WorkerAnswer): TakenAnswer {
  if (!message.ok) return { ok: false, error: 'reader-failed', detail: message.detail };
  if ('same' in message) {
    const value = last.get(message.same) as Value | undefined;
    if (value === undefined) {
      return { ok: false, error: 'reader-failed', detail: `no answer kept for ${message.same}` };
    }
    rememberAnswer(last, message.same, value);
    return { ok: true, value };
  }
  const value = reviveBuffers(message.value);
  if (message.key !== undefined) rememberAnswer(last, message.key, value);
  return { ok: true, value };
}
