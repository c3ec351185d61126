/**
 * The contract, part five: outcomes and captions as data (what an Apply changed, what
 * "Make all alike" did per machine, how machines differ, boot conflicts, command
 * captions). The renderer words them (renderer/src/words/).
 */
import type { AlikeChange, SettingId } from './state';
import type { ApiError } from './errors';
import type { BootNote } from './boot-note';
import type { KernelRefusal } from './kernel-refusal';

/** What a step found and did about a killed earlier Apply (its recovery line). */
export interface RecoveryReport {
  /** none: no interrupted Apply; completed / rolled-back: what was done about it. */
  readonly outcome: 'none' | 'completed' | 'rolled-back';
  /** Each setting's running value read back afterwards; null when it is unavailable. */
  readonly values: Readonly<Record<SettingId, 0 | 1 | null>>;
  /** The file the interrupted Apply was changing, or null for a runtime-only change. */
  readonly file: string | null;
}

/** What one Apply really changed, for the renderer to word (renderer/src/words/outcome-words.ts). */
export interface ChangeReport {
  /** An interrupted earlier Apply the step resolved before its own change; null when none. */
  readonly recovery: RecoveryReport | null;
  /**
   * Running values that changed (`now`), and running values a removal left as they were
   * (`still`: their lines left the file, the value stays until the next boot).
   */
  readonly settings: readonly {
    readonly id: SettingId;
    readonly kind: 'now' | 'still';
    readonly value: 0 | 1;
  }[];
  /** What happened to the file; null when the step left files alone. */
  readonly file: {
    readonly path: string;
    readonly op: 'written' | 'deleted';
    /** Lines removed, per key; empty when the file was written or deleted whole. */
    readonly removed: readonly { readonly key: string; readonly lines: number }[];
  } | null;
}

/** What "Make all alike" did on one machine, as data (renderer/src/words/pair-outcome-words.ts). */
export type NodeOutcomeDetail =
  /** Not planned: unread, or no file makes the value stick there. */
  | { readonly kind: 'left-out'; readonly error: ApiError }
  | { readonly kind: 'alike' }
  /** This computer: what the step changed. */
  | { readonly kind: 'applied-here'; readonly report: ChangeReport }
  /** A node: the planned changes (words of the plan), after waiting for another Apply or not. */
  | {
      readonly kind: 'applied-there';
      readonly waited: boolean;
      readonly changes: readonly AlikeChange[];
    }
  | { readonly kind: 'failed'; readonly error: ApiError }
  /**
   * The ssh session dropped mid-Apply (while the step waited for the node's lock or not);
   * what the step reported on reconnecting, or null when the app could not reconnect.
   */
  | {
      readonly kind: 'dropped';
      readonly waiting: boolean;
      readonly recovery: RecoveryReport | null;
    }
  /** The Apply there stopped on an unexpected error. */
  | { readonly kind: 'crashed' };

/** What keeps a value from sticking at boot under one engine (boot-conflicts.ts). */
export type ConflictCause =
  /** A later line sets the key to another value. */
  | {
      readonly kind: 'later-value';
      readonly path: string;
      readonly line: number;
      readonly value: string;
    }
  /** A later line writes a value the kernel rejects. */
  | {
      readonly kind: 'rejected';
      readonly path: string;
      readonly line: number;
      readonly value: string;
      /** Why, in English (reports). */
      readonly reason: string;
      /** Why, as data (the window words it). */
      readonly refusal: KernelRefusal;
    }
  /** A "-key" line (no "=") leaves the key unset. */
  | { readonly kind: 'cancelled'; readonly path: string; readonly line: number }
  /** The engine model's own note (engines/, a report in English), or nothing known. */
  | { readonly kind: 'note'; readonly note: string | null; readonly noteData: BootNote | null };

/** The way out of a boot conflict. */
export type ConflictFix =
  | { readonly kind: 'sysctl-conf' }
  | { readonly kind: 'edit-file'; readonly path: string }
  /** A new name that sorts after `after` (null: after every other file). */
  | { readonly kind: 'later-file'; readonly name: string; readonly after: string | null };

/** How one machine differs from the pair view's reference (words: words/pair-difference-words.ts). */
export type PairDifference =
  /** Its running value now, where the reference has the other one. */
  | {
      readonly kind: 'now';
      readonly node: string;
      readonly reference: string;
      /** The reference is this computer: the renderer words it ("this computer"), not `reference`. */
      readonly referenceIsLocal: boolean;
      readonly family: string;
      readonly value: 0 | 1;
    }
  /**
   * After a reboot, under these engines: it loses the setting it has now, or it will be
   * without it (the reference with), or with it (the reference without).
   */
  | {
      readonly kind: 'boot';
      readonly node: string;
      readonly reference: string;
      readonly referenceIsLocal: boolean;
      readonly family: string;
      readonly change: 'lose' | 'without' | 'with';
      readonly engines: readonly ('systemd' | 'procps')[];
    };
