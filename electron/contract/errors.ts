/**
 * The contract, part four: errors and outcomes as codes and data. The renderer turns them
 * into words (renderer/src/words/), so the backend sends no sentences for them.
 */
import type { ErrorCode } from '../error-codes';
import type { CommandBlock } from './changes';
import type { AlikeChange, SettingId } from './state';

/**
 * An error every channel can answer with: a code and, where the code alone is not enough,
 * data. No words: the renderer makes them (renderer/src/error-words.ts, words/).
 */
export interface ApiError {
  readonly code: ErrorCode;
  readonly details?: string;
  /** Ways to do it by hand instead, one copyable block per alternative (never run together). */
  readonly alternatives?: readonly CommandBlock[];
  /** What the renderer needs to word the error beyond its code (renderer/src/words/). */
  readonly data?: ApiErrorData;
}

/** The codes the privileged step's exit status maps to (elevation-errors.ts mapStepExit). */
export type StepExitCode = Extract<
  ErrorCode,
  | 'file-changed'
  | 'target-not-regular'
  | 'proc-read-only'
  | 'verify-failed'
  | 'rollback-failed'
  | 'change-outside-settings'
  | 'apply-busy'
  | 'step-failed'
>;

/** The codes a failure to elevate maps to (elevation-errors.ts mapElevationFailure). */
export type ElevationFailureCode = Extract<
  ErrorCode,
  'auth-refused' | 'no-polkit-agent' | 'no-pkexec' | 'elevation-failed'
>;

/** Why the step's content rule (step-content-rule.ts) would refuse a planned file change. */
export type StepContentRefusal =
  | 'content-outside-settings'
  | 'content-value-out-of-range'
  | 'delete-not-only-settings'
  | 'new-file-too-large';

/** The data behind an error's words, keyed by the code it came with. */
export type ApiErrorData =
  | { readonly from: 'step-exit'; readonly code: StepExitCode }
  | { readonly from: 'elevation'; readonly code: ElevationFailureCode }
  | {
      readonly from: 'step-content';
      readonly code: 'change-outside-settings';
      readonly refusal: StepContentRefusal;
      /** The file the change was planned for. */
      readonly path: string;
      /** 1-based line of that file the rule stopped at. */
      readonly line: number;
    }
  | { readonly from: 'plan'; readonly code: 'file-changed'; readonly path: string }
  | { readonly from: 'plan'; readonly code: 'nothing-to-apply' }
  | {
      readonly from: 'plan';
      readonly code: 'nothing-to-remove';
      readonly path: string;
      /** The keys the file does not set; empty when the file does not exist at all. */
      readonly keys: readonly string[];
    }
  /** One action at a time, or a save this backend cannot do: which feature said so. */
  | {
      readonly from: 'busy';
      readonly code: 'apply-in-progress';
      readonly what: 'apply' | 'make-alike';
    }
  | {
      readonly from: 'no-save';
      readonly code: 'save-unavailable';
      /** What the page does instead: download the report, or copy the export. */
      readonly what: 'diagnostics' | 'fleet';
    }
  | NodeFailureData
  /** The planned change could not be turned into the step's arguments (a bug guard). */
  | {
      readonly from: 'step-arguments';
      readonly code: 'invalid-request';
      readonly error: StepRefusal;
    }
  | {
      /** An SSH destination the app refuses, and the part that is wrong (shortened). */
      readonly from: 'destination';
      readonly code: 'invalid-destination';
      readonly problem: DestinationProblem;
      readonly value: string;
    }
  | {
      /** The saved node list cannot be used: unreadable (why), not JSON, or no "nodes" array. */
      readonly from: 'node-list';
      readonly code: 'node-list-unreadable';
      readonly problem: 'unreadable' | 'not-json' | 'no-nodes';
      readonly path: string;
      readonly reason: string | null;
    }
  /** One machine of "Make all alike": not in the list, planning failed, or cannot be made alike. */
  | {
      readonly from: 'machine';
      readonly code: 'unknown-node' | 'plan-failed';
      readonly name: string;
    }
  | {
      readonly from: 'machine';
      readonly code: 'setting-unavailable';
      readonly name: string;
      readonly key: string;
    }
  | {
      readonly from: 'machine';
      readonly code: 'cannot-persist';
      readonly name: string;
      /** Every file the app could write there, and why each was ruled out. */
      readonly problems: readonly CandidateProblem[];
    }
  | {
      /**
       * The address (and port) a bind test was asked for: none, too many, one that is no IP
       * (or a host name), a link-local IPv6 address without its zone, or a port out of range.
       */
      readonly from: 'addresses';
      readonly code: 'invalid-address';
      readonly problem:
        'none' | 'too-many' | 'not-ip' | 'empty' | 'host-name' | 'no-zone' | 'bad-port';
      /** The refused value, shortened (not-ip, host-name). */
      readonly value?: string;
      /** The most addresses one test binds (too-many). */
      readonly limit?: number;
    }
  | {
      /** The file an Apply would edit, refused as it was read. */
      readonly from: 'target-file';
      readonly code: TargetFileRefusal;
      readonly path: string;
      /** What the reader said (a link's problem, a read error, the size as read); or null. */
      readonly reason: string | null;
      /** For file-too-large: the largest file the app edits, in bytes. */
      readonly limit: number | null;
    }
  | {
      readonly from: 'setting';
      readonly code: 'setting-unavailable';
      readonly id: SettingId;
      readonly key: string;
      /** Why it is unavailable, as the reader reported it; null when it was not read. */
      readonly detail: string | null;
    }
  | {
      readonly from: 'file-name';
      readonly code: 'invalid-file-name';
      readonly refusal: FileNameRefusal;
      /** The name as typed (untrusted: shown only where the refusal needs it). */
      readonly name: string;
    }
  | {
      readonly from: 'hidden-file';
      readonly code: 'file-name-hides-file';
      /** The new name in /etc/sysctl.d, and the later file of that name it would hide. */
      readonly name: string;
      readonly path: string;
      /** masked: a link to /dev/null; other: not a regular file; file: `settings` it applies. */
      readonly hidden: 'file' | 'masked' | 'other';
      /** The `key = value` lines systemd-sysctl applies from it. */
      readonly settings: readonly string[];
    };

/** Why an SSH destination is refused (destination.ts parseDestination). */
export type DestinationProblem =
  | 'empty'
  | 'too-long'
  | 'bad-character'
  | 'bad-user'
  | 'bad-ipv6'
  | 'bad-port'
  | 'unbracketed-ipv6'
  | 'bad-host'
  | 'port-range';

/** What went wrong with a node: ssh, the read script's answer, sudo, or the step there. */
export type NodeFailureCode = Extract<
  ErrorCode,
  | 'dns'
  | 'unreachable'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'auth'
  | 'timeout'
  | 'too-large'
  | 'dropped'
  | 'other'
  | 'not-linux'
  | 'no-sysctl'
  | 'no-base64'
  | 'malformed'
  | 'no-sudo'
  | 'requiretty'
  | 'account-locked'
  | 'not-installed'
  | 'wrong-password'
  | 'password-needed'
  | 'no-askpass'
  | 'node-busy'
  | 'unsafe-argument'
  | 'step-failed'
>;

/** A node's failure as data (renderer/src/words/node-error-words.ts). */
export interface NodeFailureData {
  readonly from: 'node';
  readonly code: NodeFailureCode;
  /** The node as the user named it (an ssh destination). */
  readonly node: string;
  /** What the other side said: ssh's last line, the node's OS, what was malformed, a tool's problem. */
  readonly detail?: string;
  /** The account sudo ran as (requiretty, account-locked); null when the node did not say. */
  readonly user?: string | null;
  /** The limit that ran out: seconds for timeout, MiB for too-large, minutes for node-busy. */
  readonly limit?: number;
  /** Where one code means two things: the host key scan, the read, sudo's probe, the step. */
  readonly stage?: 'host-key' | 'read' | 'probe' | 'apply' | 'bind-test' | 'view' | 'view-total';
  /** What the pair view made of the node's answer, in MiB (too-large at stage view). */
  readonly size?: number;
  /** The step's exit status there (step-failed). */
  readonly exit?: number | null;
}

/** Why the app will not edit the file it read for an Apply. */
export type TargetFileRefusal = Extract<
  ErrorCode,
  'target-symlink' | 'file-unreadable' | 'target-not-regular' | 'file-too-large' | 'file-not-text'
>;

/**
 * Why one file the app could write on a machine was ruled out. `path` is the node's own
 * (hostile) path, shortened and made printable before it is sent.
 */
export type CandidateProblem =
  | { readonly path: string; readonly code: 'name-refused'; readonly refusal: FileNameRefusal }
  | { readonly path: string; readonly code: 'would-hide'; readonly hidden: string }
  | {
      readonly path: string;
      readonly code: 'masked' | 'not-readable' | 'link' | 'not-utf8' | 'loses-at-boot';
    }
  | {
      readonly path: string;
      readonly code: 'content-refused';
      readonly error: { readonly code: StepContentRefusal; readonly line: number };
    }
  | { readonly path: string | null; readonly code: 'step-refuses'; readonly error: StepRefusal };

/** Why the step's arguments could not be built (privileged-step.ts stepArguments). */
export type StepRefusal =
  | { readonly code: 'invalid-runtime-value' }
  | { readonly code: 'unknown-setting'; readonly id: string }
  | { readonly code: 'invalid-file-name'; readonly refusal: FileNameRefusal }
  | { readonly code: 'invalid-expected-hash' }
  | { readonly code: 'content-too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'content-encoding-failed' };

/** Why a file name is refused (file-name.ts checkFileName), as data. */
export type FileNameRefusal =
  | { readonly code: 'not-text' }
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly length: number; readonly limit: number }
  | { readonly code: 'has-slash' }
  | { readonly code: 'dot-name' }
  | { readonly code: 'bad-first-character' }
  | { readonly code: 'bad-character'; readonly character: string }
  | { readonly code: 'wrong-suffix' };

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

/** What a block of commands does, as data (renderer/src/words/command-words.ts). */
export type CommandCaption =
  /** The whole change in one block; with sysctl, or by writing /proc/sys. */
  | { readonly kind: 'whole' | 'whole-sysctl' | 'whole-proc' }
  /** One part: the running values (sysctl, /proc/sys), a file written or loaded, or removed. */
  | { readonly kind: 'runtime-sysctl' | 'runtime-proc' | 'load-file' | 'remove-file' }
  | { readonly kind: 'write-file'; readonly path: string }
  /** The same change for a fleet. */
  | { readonly kind: 'ansible' | 'cloud-init' }
  /** Installing pkexec, per distribution. */
  | {
      readonly kind: 'install-pkexec';
      readonly distro: 'debian' | 'debian-old' | 'fedora' | 'opensuse' | 'arch';
    }
  /** Setting a container's sysctls where its runtime sets them. */
  | {
      readonly kind: 'container';
      readonly runtime: 'docker' | 'podman' | 'compose' | 'kubernetes' | 'lxc';
    };

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
      readonly reason: string;
    }
  /** A "-key" line (no "=") leaves the key unset. */
  | { readonly kind: 'cancelled'; readonly path: string; readonly line: number }
  /** The engine model's own note (engines/, a report in English), or nothing known. */
  | { readonly kind: 'note'; readonly note: string | null };

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
      readonly family: string;
      readonly change: 'lose' | 'without' | 'with';
      readonly engines: readonly ('systemd' | 'procps')[];
    };
