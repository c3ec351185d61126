/** The contract, part two: changes, their plans, outcomes, bind tests, VIPs and errors. */
import type { AddressFamily, AppState, BootEngine, RuntimeValue, SettingId } from './state';
import type { ApiError } from './errors';
import type { CommandBlock } from './commands';
import type { ChangeReport, ConflictCause, ConflictFix } from './outcomes';

/** How long a change should last, chosen per apply. */
export type Persistence =
  | { readonly kind: 'runtime' }
  | { readonly kind: 'persist'; readonly fileName: string; readonly expectedSha256: string | null }
  /** Edit /etc/sysctl.conf itself: the only file `sysctl --system` applies after everything else. */
  | { readonly kind: 'persist-sysctl-conf'; readonly expectedSha256: string | null }
  | {
      /** Remove the lines that set `settings` from one file in /etc/sysctl.d. */
      readonly kind: 'unpersist';
      readonly fileName: string;
      readonly expectedSha256: string | null;
      /** Also set the running value of these settings to 0 now. */
      readonly resetRuntime: boolean;
      /** The settings whose lines go; absent means all of them. */
      readonly settings?: readonly SettingId[];
    }
  | {
      /** Remove the lines that set `settings` from /etc/sysctl.conf; the file itself stays. */
      readonly kind: 'unpersist-sysctl-conf';
      readonly expectedSha256: string | null;
      /** Also set the running value of these settings to 0 now. */
      readonly resetRuntime: boolean;
      /** The settings whose lines go; absent means all of them. */
      readonly settings?: readonly SettingId[];
    };

/** New running values, only of the settings that change. */
export type SettingValues = Readonly<Record<SettingId, RuntimeValue>>;

export interface ApplyRequest {
  readonly values: SettingValues;
  readonly persistence: Persistence;
}

/**
 * What an Apply of a request would do, computed without running anything:
 * the inline validation error (if any), the file change, and the exact
 * commands that do the same by hand.
 */
export interface ChangePlan {
  readonly error: ApiError | null;
  readonly commands: readonly CommandBlock[];
  /** The same change for more machines (Ansible, cloud-init); empty when nothing is persisted. */
  readonly fleet: readonly CommandBlock[];
  readonly file: {
    readonly path: string;
    readonly action: 'create' | 'edit' | 'delete' | 'unchanged';
  } | null;
  /** Where the chosen file would lose at boot, with a way out. */
  readonly conflicts: readonly BootConflict[];
}

export interface BootConflict {
  readonly id: SettingId;
  readonly engine: BootEngine;
  /** The key, the value the user wants, and the file the change writes. */
  readonly key: string;
  readonly wanted: '0' | '1';
  readonly target: string;
  /** What keeps the value from sticking (words: renderer/src/words/conflict-words.ts). */
  readonly cause: ConflictCause;
  /** A file name that makes the user's value win under both engines, or null if none can. */
  readonly suggestedFileName: string | null;
  readonly fix: ConflictFix;
}

export interface BindTestRequest {
  readonly address: string;
  /** Empty or 0: any free port. */
  readonly port?: string | number;
}

/** One address's bind test on any target: this computer, the demo, or a node of the pair. */
export interface BindTestResult {
  readonly address: string;
  /** 0 on a node: its script binds port 0, so no port there can be busy. */
  readonly port: number;
  readonly family: AddressFamily;
  /** 'no-program': the node has neither python3 nor perl, so nothing could bind there. */
  readonly outcome: 'works' | 'not-local' | 'port-in-use' | 'needs-root' | 'error' | 'no-program';
  /** For an error: the system's code and message; empty otherwise. */
  readonly detail: string;
  /**
   * What bound it: the app itself listening, the demo's simulated machine, or the program
   * the node's script found there (null when it found none).
   */
  readonly via: 'listen' | 'simulated' | 'python3' | 'perl' | null;
  /** The address is the machine's right now (loopback, an interface's, the any-address); null where not asked (a node). */
  readonly assignedLocally: boolean | null;
  /** The address is the any-address (0.0.0.0 or ::): all of the machine's addresses. */
  readonly anyAddress: boolean;
}

export interface VipEntry {
  readonly address: string;
  readonly port: number | null;
  readonly family: AddressFamily;
  readonly program: 'HAProxy' | 'Keepalived' | 'Nginx';
  readonly file: string;
  readonly line: number;
  readonly wildcard: boolean;
  readonly assignedLocally: boolean;
  /** The setting this address needs on this computer, or null when it needs none. */
  readonly needs: SettingId | null;
}

export interface VipDiscovery {
  readonly entries: readonly VipEntry[];
  /** Lines the app did not understand, skipped and reported rather than guessed at. */
  readonly skipped: readonly {
    readonly file: string;
    readonly line: number;
    readonly reason: string;
  }[];
  readonly files: readonly {
    readonly path: string;
    readonly status: 'read' | 'missing' | 'unreadable';
    readonly detail: string | null;
  }[];
  /** Present when one of the discovery's budgets ran out: what is listed is only what came before. */
  readonly exhausted?: VipBudgetExhausted;
}

/** The limits one VIP discovery works within, whatever the configuration holds. */
export type VipBudgetName = 'time' | 'bytes' | 'files' | 'entries' | 'skipped' | 'directories';

/** Which budget ran out, where, and how far the discovery had got (time in ms, bytes read). */
export interface VipBudgetExhausted {
  readonly code: 'VIP_BUDGET_EXHAUSTED';
  readonly budget: VipBudgetName;
  readonly limit: number;
  /** The file being read or the include being followed when it ran out; null between files. */
  readonly file: string | null;
  readonly line: number | null;
  readonly progress: Readonly<Record<VipBudgetName, number>>;
}

/** The result of one Apply: what happened, and the state read back afterwards either way. */
export interface ApplyOutcome {
  readonly applied: boolean;
  /** What changed, as data; null when nothing was applied. */
  readonly report: ChangeReport | null;
  readonly error: ApiError | null;
  readonly state: AppState;
}

/** Every answer crosses IPC or HTTP wrapped so that errors keep their code. */
export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
