/**
 * The contract, part four: errors and outcomes as codes and data. The renderer turns them
 * into words (renderer/src/words/), so the backend sends no sentences for them.
 */
import type {
  ELEVATION_FAILURE_CODES,
  ErrorCode,
  NODE_CODES,
  SSH_FAILURE_CODES,
  STEP_EXIT_CODES,
} from '../error-codes';
import type { CommandBlock } from './commands';
import type { SettingId } from './state';

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
export type StepExitCode = (typeof STEP_EXIT_CODES)[number];

/** The codes a failure to elevate maps to (elevation-errors.ts mapElevationFailure). */
export type ElevationFailureCode = (typeof ELEVATION_FAILURE_CODES)[number];

/** Why the step's content rule (step-content-rule.ts) would refuse a planned file change. */
export type StepContentRefusal =
  | 'content-outside-settings'
  | 'content-value-out-of-range'
  | 'delete-not-only-settings'
  | 'new-file-too-large'
  | 'old-file-too-large';

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

/** Why an ssh session to a node failed (nodes/ssh-errors.ts). */
export type SshFailureKind = (typeof SSH_FAILURE_CODES)[number];

/** What went wrong with a node: ssh, the read script's answer, sudo, or the step there. */
export type NodeFailureCode = SshFailureKind | (typeof NODE_CODES)[number] | 'step-failed';

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
