import type { BootNote, UnpredictableCode } from '../../contract/boot-note';
import { kernelWrite, type KernelWrite, type KeyRange } from './kernel-value';

/** Where a statement is: a file and its 1-based line. */
export interface Origin {
  readonly path: string;
  readonly line: number;
}

/**
 * Why the model does not say what an engine leaves ("cannot predict"): a code
 * and the path it is about. Where the app itself chose a limit, or cannot see
 * what root sees, it says so instead of a value that may be wrong.
 */
export interface Unpredictable {
  readonly code: UnpredictableCode;
  readonly path: string;
}

/** One write of a value to one of our keys, in the order the engine makes them. */
export interface KeyWrite {
  readonly origin: Origin;
  /** The value as the engine writes it (without the newline it adds). */
  readonly value: string;
  /** The pattern line's key when a glob line wrote it; null for the key itself. */
  readonly pattern: string | null;
  readonly kernel: KernelWrite;
}

/** What one engine does to one key. */
export interface KeyOutcome {
  readonly writes: readonly KeyWrite[];
  /** The last write the kernel accepted: the line that decides; null when none was. */
  readonly winner: KeyWrite | null;
  /** What the kernel holds afterwards; null when the engine left the value as it was. */
  readonly stored: number | null;
  /** Pattern (glob) lines that match the key, whether or not they write it. */
  readonly patterns: readonly { readonly origin: Origin; readonly value: string }[];
  /** systemd only: the "-key" line with no "=" that leaves the key unset. */
  readonly cancelledBy: Origin | null;
  /**
   * Something unusual that decided the outcome, as data (empty when nothing did): the
   * window words it, the report takes its English (boot-note-english.ts).
   */
  readonly noteData: readonly BootNote[];
  /** Set when the outcome cannot be known; writes, winner and stored are then empty. */
  readonly unpredictable: Unpredictable | null;
  /** The FIFO the engine blocks on before it writes anything; nothing is applied. */
  readonly hangsOn: string | null;
}

export function makeWrite(
  origin: Origin,
  value: string,
  pattern: string | null,
  range: KeyRange,
): KeyWrite {
  return { origin, value, pattern, kernel: kernelWrite(value, range) };
}

export function settle(
  writes: readonly KeyWrite[],
  patterns: KeyOutcome['patterns'],
  noteData: readonly BootNote[],
  cancelledBy: Origin | null = null,
): KeyOutcome {
  let winner: KeyWrite | null = null;
  for (const w of writes) if (w.kernel.accepted) winner = w;
  const stored = winner && winner.kernel.accepted ? winner.kernel.stored : null;
  return {
    writes,
    winner,
    stored,
    patterns,
    noteData,
    cancelledBy,
    unpredictable: null,
    hangsOn: null,
  };
}

/** The outcome when the model cannot tell what the engine leaves. */
export function unpredictableOutcome(why: Unpredictable, notes: readonly BootNote[]): KeyOutcome {
  return { ...settle([], [], notes), unpredictable: why };
}

/** The outcome when the engine blocks on a FIFO before writing anything. */
export function hangingOutcome(fifo: string, notes: readonly BootNote[]): KeyOutcome {
  return { ...settle([], [], notes), hangsOn: fifo };
}

/** The outcome with more notes. */
export function withNotes(outcome: KeyOutcome, added: readonly BootNote[]): KeyOutcome {
  return { ...outcome, noteData: [...outcome.noteData, ...added] };
}
