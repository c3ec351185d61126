import { kernelWrite, type KernelWrite } from './kernel-value';

/** Where a statement is: a file and its 1-based line. */
export interface Origin {
  readonly path: string;
  readonly line: number;
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
  /** Something unusual that decided the outcome, in words (empty when nothing did). */
  readonly notes: readonly string[];
}

export function makeWrite(origin: Origin, value: string, pattern: string | null): KeyWrite {
  return { origin, value, pattern, kernel: kernelWrite(value) };
}

export function settle(
  writes: readonly KeyWrite[],
  patterns: KeyOutcome['patterns'],
  notes: readonly string[],
  cancelledBy: Origin | null = null,
): KeyOutcome {
  let winner: KeyWrite | null = null;
  for (const w of writes) if (w.kernel.accepted) winner = w;
  const stored = winner && winner.kernel.accepted ? winner.kernel.stored : null;
  return { writes, winner, stored, patterns, notes, cancelledBy };
}
