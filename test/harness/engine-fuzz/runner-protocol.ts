import type { LaidEntry } from './fuzz-render';

export const KEYS = ['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind'];
export const PROC_FILES = [
  '/proc/sys/net/ipv4/ip_nonlocal_bind',
  '/proc/sys/net/ipv6/ip_nonlocal_bind',
] as const;

export interface RunnerJob {
  readonly id: string;
  readonly entries: readonly LaidEntry[];
}

/** The model's answer for one key under one engine. */
export interface PredictedKey {
  /** What the kernel holds afterwards; null: untouched (0 here). */
  readonly stored: number | null;
  /** The winning line; its path as byte text, like the tree's paths. */
  readonly winner: { readonly path: string; readonly line: number } | null;
  /** The model's "cannot predict" code, or null when it gives a value. */
  readonly unpredictable: string | null;
  /** The model says the engine blocks on a FIFO and applies nothing. */
  readonly hangs: boolean;
}

/** One real engine run: the keys' values afterwards, and whether it blocked on a FIFO. */
export interface EngineRun {
  readonly values: readonly number[];
  readonly hung: boolean;
}

export type RunnerResult =
  | {
      readonly id: string;
      /** Per engine, one entry per KEYS item. */
      readonly predicted: Readonly<Record<'systemd' | 'procps', readonly PredictedKey[]>>;
      /** null: not run, because the model said it cannot predict any key for that engine. */
      readonly actual: Readonly<Record<'systemd' | 'procps', EngineRun | null>>;
    }
  | { readonly id: string; readonly error: string };
