/**
 * The one IPC contract.
 *
 * Main, preload, the preview's HTTP bridge and the renderer all derive their
 * types from this file. Its one import is the list of error codes, so the renderer
 * can use it with `import type` only; the few runtime constants it exports
 * (those codes included) are plain data.
 */

import type { ErrorCode } from './error-codes';

export { ERROR_CODES, type ErrorCode } from './error-codes';

/** Which of the two catalogued settings. */
export type SettingId = 'ipv4' | 'ipv6';

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
  readonly label: string;
  readonly explanation: string;
  readonly runtime: RuntimeReading;
  /**
   * The running value as the kernel uses it, decided in one place (runtime.ts
   * effectiveValue): any non-zero number is on; null when there is no number to read.
   */
  readonly effective: RuntimeValue | null;
}

/** Everything the renderer shows, read fresh from the system. */
export interface AppState {
  readonly readAt: string;
  /** Set when the backend serves a simulated system; the renderer shows a banner. */
  readonly demo: { readonly scenario: string; readonly summary: string } | null;
  readonly settings: readonly SettingState[];
  readonly persistence: PersistenceState;
  readonly boot: BootState;
  /** A killed Apply left its intent record: the next Apply completes or rolls it back first. */
  readonly interruptedApply: InterruptedApply | null;
  /** Another Apply holds the step's lock right now: an Apply started now waits for it. */
  readonly otherApplyRunning: boolean;
  /** How Apply gets administrator rights, as far as the app can tell before the click. */
  readonly passwordPrompt: PasswordPrompt;
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
  /** Why the kernel refuses this value, in words; null when it takes it. */
  readonly rejected: string | null;
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
  /** What decided the outcome in an unusual way, in words (a cancelling "-key" line, a skipped file). */
  readonly notes: readonly string[];
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
  /** Why the app would refuse to edit it, in words; null when it can. */
  readonly problem: string | null;
  readonly keyLines: readonly KeyLine[];
  /** The file starts with the app's own header: Nonlocal Bind wrote it. */
  readonly writtenByApp: boolean;
}

/** The settings a pending change writes at boot: one of them, or both. */
export type ChangedSettings = SettingId | 'both';

export interface PersistenceState {
  readonly directory: string;
  /**
   * The default target for a change of these settings: the editable file in /etc/sysctl.d
   * that already sets one of them and decides it at boot (of two, the later by name), else
   * `defaultFileName`. The UI follows the pending change with it until a name is typed.
   */
  readonly suggestedFileNames: Readonly<Record<ChangedSettings, string>>;
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
      /** The keys to remove; absent means both. */
      readonly settings?: readonly SettingId[];
    }
  | {
      /** Remove the lines that set `settings` from /etc/sysctl.conf; the file itself stays. */
      readonly kind: 'unpersist-sysctl-conf';
      readonly expectedSha256: string | null;
      /** Also set the running value of these settings to 0 now. */
      readonly resetRuntime: boolean;
      /** The keys to remove; absent means both. */
      readonly settings?: readonly SettingId[];
    };

export interface ApplyRequest {
  readonly values: { readonly ipv4?: RuntimeValue; readonly ipv6?: RuntimeValue };
  readonly persistence: Persistence;
}

/** A copyable block of shell commands that does by hand what an Apply does. */
export interface CommandBlock {
  readonly title: string;
  readonly commands: string;
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
  readonly message: string;
  /** A file name that makes the user's value win under both engines, or null if none can. */
  readonly suggestedFileName: string | null;
  readonly suggestion: string;
}

export interface BindTestRequest {
  readonly address: string;
  /** Empty or 0: any free port. */
  readonly port?: string | number;
}

export interface BindTestResult {
  readonly address: string;
  readonly port: number;
  readonly family: AddressFamily;
  readonly outcome: 'works' | 'not-local' | 'port-in-use' | 'needs-root' | 'error';
  /** The result in words. */
  readonly message: string;
  /** The address is this computer's right now: loopback, an interface's, or the any-address. */
  readonly assignedLocally: boolean;
  /** The address is the any-address (0.0.0.0 or ::): all of this computer's addresses. */
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
  /** In words: what this means here. */
  readonly advice: string;
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
  readonly summary: string;
  readonly error: ApiError | null;
  readonly state: AppState;
}

/** An error every channel can answer with, mapped to words in the renderer. */
export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: string;
  /** Ways to do it by hand instead, one copyable block per alternative (never run together). */
  readonly alternatives?: readonly CommandBlock[];
}

/** Every answer crosses IPC or HTTP wrapped so that errors keep their code. */
export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** What one machine of the pair view holds, read in one round trip. */
export interface NodeReading {
  readonly ok: true;
  /** Kernel release, or null when unknown. */
  readonly kernel: string | null;
  readonly settings: readonly SettingState[];
  readonly boot: BootState;
  /** Addresses named in that machine's HAProxy, Keepalived and Nginx configuration. */
  readonly vips: VipDiscovery;
  /** Wall time of the read, in ms. */
  readonly elapsedMs: number;
}

export interface NodeReadFailure {
  readonly ok: false;
  readonly code: string;
  /** The failure in words, ending with what to do next. */
  readonly message: string;
}

/** One machine in the pair view: this computer, or a node reached over SSH. */
export interface NodeColumn {
  /** `local` for this computer, else the SSH destination as the user added it. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'local' | 'ssh';
  readonly read: NodeReading | NodeReadFailure;
}

/** This computer and every added node, side by side, read together. */
export interface PairView {
  readonly readAt: string;
  readonly columns: readonly NodeColumn[];
  /** How the others differ from the first column that could be read, in words. */
  readonly differences: readonly string[];
}

export interface AddNodeRequest {
  /** An ~/.ssh/config alias or user@host[:port]. */
  readonly destination: string;
  /** The fingerprints the user was shown and accepted; absent on the first try. */
  readonly trustFingerprints?: readonly string[];
}

export type AddNodeResult =
  | { readonly kind: 'added'; readonly view: PairView }
  /** The node's host key is not known yet: show these and ask. */
  | {
      readonly kind: 'confirm-host-key';
      readonly destination: string;
      readonly fingerprints: readonly string[];
    };

/** What "Make all nodes like this one" would do on one machine. */
export interface NodeChangePlan {
  readonly id: string;
  readonly name: string;
  /** The changes in words; empty when the machine is already alike. */
  readonly changes: readonly string[];
  /** The file the change writes, or null when only runtime values change (or nothing). */
  readonly file: string | null;
  /** How the step is authorized there: polkit here, sudo on a node (with or without a password). */
  readonly authentication: 'polkit' | 'root' | 'sudo-password' | 'sudo-no-password' | 'none';
  /** Why this machine cannot be made alike, in words; null when it can. */
  readonly error: ApiError | null;
}

export interface AlikePlan {
  /** Column id of the machine the others are made like. */
  readonly reference: string;
  readonly target: { readonly ipv4: RuntimeValue | null; readonly ipv6: RuntimeValue | null };
  readonly nodes: readonly NodeChangePlan[];
  /** The same change for Ansible and cloud-init; null when there is nothing to persist. */
  readonly exports: {
    /** What the exports write: send it back with a format to save one. */
    readonly change: FleetChange;
    readonly blocks: readonly CommandBlock[];
  } | null;
}

export interface MakeAlikeRequest {
  readonly reference: string;
  /** Sudo passwords by node id, for the nodes that need one; never stored. */
  readonly passwords: Readonly<Record<string, string>>;
}

export interface NodeOutcome {
  readonly id: string;
  readonly name: string;
  readonly status: 'applied' | 'unchanged' | 'failed' | 'skipped';
  /** What happened there, in words. */
  readonly message: string;
}

export interface MakeAlikeResult {
  readonly outcomes: readonly NodeOutcome[];
  /** Every machine read again afterwards: the proof. */
  readonly view: PairView;
}

export interface NodeBindTestRequest {
  /** Column id (`local` or a node's destination). */
  readonly node: string;
  /** Literal IP addresses (the VIPs that machine's configuration names). */
  readonly addresses: readonly string[];
}

export interface NodeBindTestResult {
  readonly node: string;
  /** The program that bound the sockets there, or null when none was found. */
  readonly program: string | null;
  readonly results: readonly {
    readonly address: string;
    readonly family: AddressFamily;
    readonly outcome: 'works' | 'not-local' | 'error';
    readonly message: string;
  }[];
  /** In words: what was used, or what to install when nothing fits. */
  readonly note: string;
}

/** A change as the fleet exports write it: a file in /etc/sysctl.d and the values. */
export interface FleetChange {
  readonly fileName: string;
  readonly values: { readonly ipv4?: RuntimeValue; readonly ipv6?: RuntimeValue };
}

export interface FleetExportRequest extends FleetChange {
  readonly format: 'ansible' | 'cloud-init';
}

/**
 * Channel table: name -> request payload and result.
 * A new feature adds one entry here, one handler and one API method.
 */
export interface Channels {
  'state:get': { readonly request: null; readonly result: AppState };
  'changes:plan': { readonly request: ApplyRequest; readonly result: ChangePlan };
  'changes:apply': { readonly request: ApplyRequest; readonly result: ApplyOutcome };
  'diagnostics:get': { readonly request: null; readonly result: { readonly text: string } };
  /** Saves the report where the user chooses (a save dialog in the app). */
  'diagnostics:save': {
    readonly request: null;
    readonly result: { readonly savedTo: string | null };
  };
  'vips:discover': { readonly request: null; readonly result: VipDiscovery };
  'bind:test': { readonly request: BindTestRequest; readonly result: BindTestResult };
  /** Copy text to the system clipboard (the page itself is denied clipboard permission). */
  'clipboard:write': { readonly request: { readonly text: string }; readonly result: null };
  'nodes:view': { readonly request: null; readonly result: PairView };
  'nodes:add': { readonly request: AddNodeRequest; readonly result: AddNodeResult };
  'nodes:remove': { readonly request: { readonly node: string }; readonly result: PairView };
  'nodes:plan-alike': {
    readonly request: { readonly reference: string };
    readonly result: AlikePlan;
  };
  'nodes:make-alike': { readonly request: MakeAlikeRequest; readonly result: MakeAlikeResult };
  'nodes:bind-test': { readonly request: NodeBindTestRequest; readonly result: NodeBindTestResult };
  /** Saves an Ansible or cloud-init export where the user chooses (a save dialog in the app). */
  'fleet:save': {
    readonly request: FleetExportRequest;
    readonly result: { readonly savedTo: string | null };
  };
}

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResultOf<C extends Channel> = Channels[C]['result'];

/** API method name -> channel. Preload and HTTP bridge both implement exactly this. */
export const API_CHANNELS = {
  getState: 'state:get',
  planChanges: 'changes:plan',
  applyChanges: 'changes:apply',
  copyText: 'clipboard:write',
  testBind: 'bind:test',
  getDiagnostics: 'diagnostics:get',
  saveDiagnostics: 'diagnostics:save',
  discoverVips: 'vips:discover',
  viewNodes: 'nodes:view',
  addNode: 'nodes:add',
  removeNode: 'nodes:remove',
  planAlike: 'nodes:plan-alike',
  makeAlike: 'nodes:make-alike',
  testBindOnNode: 'nodes:bind-test',
  saveFleetExport: 'fleet:save',
} as const satisfies Record<string, Channel>;

export type ApiChannels = typeof API_CHANNELS;
export type ApiMethod = keyof ApiChannels;

/** The object the preload exposes as `window.nonlocalBind`. */
export type NonlocalBindApi = {
  readonly [M in ApiMethod]: RequestOf<ApiChannels[M]> extends null
    ? () => Promise<Envelope<ResultOf<ApiChannels[M]>>>
    : (request: RequestOf<ApiChannels[M]>) => Promise<Envelope<ResultOf<ApiChannels[M]>>>;
};

/** Name of the global the preload installs. */
export const API_GLOBAL = 'nonlocalBind';

/** The preview's HTTP API: POST `${API_PATH_PREFIX}<channel>`, its per-run token in this header. */
export const API_PATH_PREFIX = '/api/';
export const API_TOKEN_HEADER = 'x-nonlocal-bind-token';

/** The one file both engines read besides the sysctl.d directories; the renderer names it too. */
export const SYSCTL_CONF_PATH = '/etc/sysctl.conf';
