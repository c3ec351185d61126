import type { ApiError, AppState, BindTestResult, Envelope } from '../../contract';
import type { BindTarget } from '../bind-test';
import type { ManualCommands } from '../elevation-errors';
import type { StepRun } from '../elevator';
import type { NodeExtras } from '../nodes/parse-read-answer';
import type { Catalogue } from '../settings';
import type { SysctlSnapshot } from '../sysctl-snapshot';

/**
 * Where settings live. A network namespace (the namespaces issue) is one more case here,
 * read and changed like this computer, with its own reader root and step runner.
 */
export type TargetRef =
  | { readonly kind: 'this-computer' }
  | { readonly kind: 'node'; readonly node: string }
  | { readonly kind: 'demo'; readonly scenario: string };

/** What only the machine running the app knows about its own Apply (the main view shows it). */
export type ApplyFacts = Pick<
  AppState,
  'interruptedApply' | 'otherApplyRunning' | 'passwordPrompt'
>;

/** One read of a target: the same shape for this computer, the demo and a node. */
export interface TargetSnapshot {
  /** The settings this read covers: its runtime values, and what a plan made from it may change. */
  readonly catalogue: Catalogue;
  /** Running values and every sysctl source, as the boot model and the planners read them. */
  readonly sysctl: SysctlSnapshot;
  /** What a node's read carried besides (VIP configuration, addresses); null where files are read directly. */
  readonly extras: NodeExtras | null;
  /** This computer's (or the demo's) own Apply facts; null on a node. */
  readonly applyFacts: ApplyFacts | null;
  /** Wall time of the read, in ms. */
  readonly elapsedMs: number;
}

export type TargetRead =
  | { readonly ok: true; readonly snapshot: TargetSnapshot }
  | { readonly ok: false; readonly error: ApiError };

/** How the step gets its rights on a target: a polkit dialog, root itself, sudo, or not at all. */
export type Authentication = 'polkit' | 'root' | 'sudo' | 'simulated';

/**
 * A place whose settings the app reads and changes: one reader, one step runner. `Run` is
 * what a run of the step tells: the local elevators' StepRun, or an ssh session's result,
 * which knows more ways to fail (sudo refusals, a session cut mid-Apply, a queued lock).
 */
export interface Target<Run = StepRun> {
  readonly ref: TargetRef;
  readonly catalogue: Catalogue;
  readonly authentication: Authentication;
  read(): Promise<TargetRead>;
  /** Runs the step once with checked arguments; `manual` is what the user can type instead. */
  runStep(args: readonly string[], manual: ManualCommands): Promise<Run>;
  /** Binds each address there (listen, close; nothing connects): one result type everywhere. */
  bindTest(targets: readonly BindTarget[]): Promise<Envelope<BindTestResult[]>>;
}
