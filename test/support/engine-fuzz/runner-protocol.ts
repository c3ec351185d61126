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
  readonly winner: { readonly path: string; readonly line: number } | null;
}

export type RunnerResult =
  | {
      readonly id: string;
      /** Per engine, one entry per KEYS item. */
      readonly predicted: Readonly<Record<'systemd' | 'procps', readonly PredictedKey[]>>;
      readonly actual: Readonly<Record<'systemd' | 'procps', readonly number[]>>;
    }
  | { readonly id: string; readonly error: string };
