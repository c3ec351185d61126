/** The contract, part one: settings, their readings and the state the renderer shows. */

import type { CommandBlock } from './commands';
import type { BootNote } from './boot-note';
import type { KernelRefusal } from './kernel-refusal';

/**
 * A catalogued setting's id ('ipv4', 'ipv6', …): the catalogue (electron/system/settings.ts)
 * says which exist, and ids from outside are checked against it where they come in.
 */
export type SettingId = string;

export type AddressFamily = 'IPv4' | 'IPv6';

/** Why a runtime value could not be read. */
export type UnavailableReason =
  'ipv6-absent' | 'key-missing' | 'permission-denied' | 'not-linux' | 'read-error';

/** What reading one procfs value produced. */
export type RuntimeReading =
  | { readonly kind: 'value'; readonly value: 0 | 1 }
  | { readonly kind: 'unexpected'; readonly raw: string }
  | { readonly kind: 'unavailable'; readonly reason: UnavailableReason; readonly detail: string };

/** One catalogued setting with its current runtime reading. */
export interface SettingState {
  readonly id: SettingId;
  readonly key: string;
  readonly procPath: string;
  readonly family: AddressFamily;
  readonly runtime: RuntimeReading;
  /**
   * The running value as the kernel uses it, decided in one place (runtime.ts
   * effectiveValue): any non-zero number is on; null when there is no number to read.
   */
  readonly effective: RuntimeValue | null;
}

/** Every simulated system the demo can serve (electron/demo/scenarios.ts); the renderer words each. */
export type DemoScenarioName =
  | 'fresh'
  | 'enabled'
  | 'enabled-runtime-only'
  | 'persisted'
  | 'drift'
  | 'conflict-sysctl-conf'
  | 'vips-found'
  | 'docker-haproxy'
  | 'netns-nginx'
  | 'readonly-proc'
  | 'auth-denied'
  | 'no-polkit-agent'
  | 'no-pkexec'
  | 'no-ipv6';

/** Everything the renderer shows, read fresh from the system. */
export interface AppState {
  readonly readAt: string;
  /** Set when the backend serves a simulated system; the renderer shows a banner. */
  readonly demo: {
    readonly scenario: DemoScenarioName;
    /** The scenario in English words, for the CLI and docs; the renderer words `scenario` itself. */
    readonly summary: string;
    /** The demo's simulated second node, to add under "Pair and fleet". */
    readonly node?: string;
  } | null;
  readonly settings: readonly SettingState[];
  readonly persistence: PersistenceState;
  readonly boot: BootState;
  /** A killed Apply left its intent record: the next Apply completes or rolls it back first. */
  readonly interruptedApply: InterruptedApply | null;
  /** Another Apply holds the step's lock right now: an Apply started now waits for it. */
  readonly otherApplyRunning: boolean;
  /** How Apply gets administrator rights, as far as the app can tell before the click. */
  readonly passwordPrompt: PasswordPrompt;
  /** What this computer allows before any click (electron/system/proc-sys-writable.ts). */
  readonly platform: PlatformFacts;
}

/**
 * Distribution families that install pkexec differently (the `install-pkexec` captions);
 * null when os-release names none of them.
 */
export type DistroFamily = 'debian' | 'debian-old' | 'fedora' | 'opensuse' | 'arch';

/** /proc/sys mounted read-only (a container): no Apply here can change a running value. */
export interface ReadOnlyProcSys {
  /** The read-only mount that covers the settings' /proc/sys paths. */
  readonly mountPoint: string;
  /** Where to set them instead: the container runtimes' own sysctl options. */
  readonly alternatives: readonly CommandBlock[];
}

export interface PlatformFacts {
  /** Null: writable, or nothing says otherwise (the step still reports a refusal). */
  readonly procSysReadOnly: ReadOnlyProcSys | null;
  readonly distro: DistroFamily | null;
}

/**
 * `asks`: polkit, with pkexec and an authentication agent; `root`: the app runs as root,
 * nothing is asked; `no-pkexec`: pkexec is not installed, so Apply cannot ask;
 * `no-agent`: no authentication agent was found, so the dialog may never appear.
 * The demo simulates a desktop user and the tools of its scenario.
 */
export type PasswordPrompt = 'asks' | 'root' | 'no-pkexec' | 'no-agent';

/** A privileged step that was killed before it finished (its intent record is still there). */
export interface InterruptedApply {
  /** When the interrupted step started (the record's modification time, ISO 8601). */
  readonly since: string;
}

/** A place in a file: which file and line set a value. */
export interface FileLine {
  readonly path: string;
  readonly line: number;
}

/** One write of a value to the key by an engine, in the order it makes them. */
export interface BootAssignment extends FileLine {
  /** The value as the engine writes it. */
  readonly value: string;
  /** The pattern (glob) line's key when a pattern line writes it; null for the key itself. */
  readonly pattern: string | null;
  /** Why the kernel refuses this value, in English (the diagnostics report); null when it takes it. */
  readonly rejected: string | null;
  /** Why the kernel refuses this value, as data (the window words it); null when it takes it. */
  readonly refusal: KernelRefusal | null;
}

/** What one engine will leave for a key at boot. */
export interface EngineBoot {
  /** The winning value as written; null when no line sets the key (the kernel default stays). */
  readonly value: string | null;
  /** The last write the kernel accepts; null when there is none. */
  readonly winner: FileLine | null;
  /** The value afterwards as on/off, 0 when nothing is written (the kernel default). */
  readonly effective: RuntimeValue;
  /** Every write of the key in the order the engine makes them (key lines and pattern lines). */
  readonly assignments: readonly BootAssignment[];
  /** Pattern lines that match the key, whether or not they end up writing it. */
  readonly globs: readonly (FileLine & { readonly value: string })[];
  /** What decided the outcome in an unusual way, in English (a cancelling "-key" line, a skipped file). */
  readonly notes: readonly string[];
  /** The same notes as data: the window words them in the user's language. */
  readonly noteData: readonly BootNote[];
  /**
   * Set when the app cannot tell what this engine leaves (a file it may not read, a
   * reader cap, a device): `effective` then means nothing, and the notes say why.
   */
  readonly unpredictable: { readonly code: string; readonly path: string } | null;
}

export type BootEngine = 'systemd' | 'procps';

export interface SettingBoot {
  readonly id: SettingId;
  readonly systemd: EngineBoot;
  readonly procps: EngineBoot;
  /** The two engines leave different values. */
  readonly enginesDisagree: boolean;
  /** The running value differs from what systemd-sysctl sets at boot. */
  readonly drift: boolean;
  /**
   * What systemd-sysctl leaves at boot, 0 or 1, counting "not set" as the kernel default 0;
   * null when it cannot be predicted.
   */
  readonly bootValue: RuntimeValue | null;
}

export interface BootState {
  readonly settings: readonly SettingBoot[];
  /** Unreadable files or directories, in words. */
  readonly problems: readonly string[];
}

/** A line in a sysctl.d file that either engine reads as one of our keys. */
export interface KeyLine {
  readonly key: string;
  /** null: a "-key" line with no "=" (it cancels the key under systemd-sysctl). */
  readonly value: string | null;
  /** 1-based. */
  readonly line: number;
}

/** One `*.conf` entry of /etc/sysctl.d (or /etc/sysctl.conf) as the UI needs it for persistence. */
export interface SysctlDFile {
  readonly name: string;
  readonly kind: 'file' | 'symlink' | 'other';
  /** sha256 of the bytes as read; sent back with an apply to detect concurrent edits. */
  readonly sha256: string | null;
  /** Why the app would refuse to edit it (an error code); null when it can. */
  readonly problem: string | null;
  readonly keyLines: readonly KeyLine[];
  /** The file starts with the app's own header: Nonlocal Bind wrote it. */
  readonly writtenByApp: boolean;
}

export interface PersistenceState {
  readonly directory: string;
  /**
   * Per setting, the editable file in /etc/sysctl.d that already sets it and decides it at
   * boot among them (absent: none does). The default target of a change is picked from it
   * (renderer/src/state/selectors.ts suggestedFileName); the UI follows the pending change
   * with it until a name is typed.
   */
  readonly decidingFiles: Readonly<Record<SettingId, string>>;
  readonly defaultFileName: string;
  readonly files: readonly SysctlDFile[];
  /** sha256 of /etc/sysctl.conf as read (null: absent or not editable), for conflict resolutions. */
  readonly sysctlConfSha256: string | null;
  /**
   * /etc/sysctl.conf for "Remove from /etc/sysctl.conf": the lines that set our keys and
   * whose file it is (`name` is "sysctl.conf"); null when it does not exist.
   */
  readonly sysctlConf: SysctlDFile | null;
}

export type RuntimeValue = 0 | 1;

/** One change "Make all alike" makes on a machine: a running value now, or the value at boot. */
export type AlikeChange =
  | {
      readonly when: 'now';
      readonly id: SettingId;
      readonly from: RuntimeValue | null;
      readonly to: RuntimeValue | null;
    }
  | {
      readonly when: 'boot';
      readonly id: SettingId;
      readonly to: RuntimeValue | null;
      /** The file that sets it (control characters replaced, long names cut). */
      readonly path: string;
      readonly newFile: boolean;
    };
