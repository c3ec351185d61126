import type {
  ApiError,
  AppState,
  ApplyOutcome,
  ChangeReport,
  RuntimeValue,
  SettingId,
} from '../../../electron/contract';
import {
  initialPersistence,
  type Lasting,
  type PersistenceChoice,
  type RemovalSource,
} from './persistence-choice';

/** What the view knows. The system is the source of truth: values shown are only ever what was read. */
export interface ViewState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly refreshing: boolean;
  readonly system: AppState | null;
  readonly error: ApiError | null;
  /** Changes the user asked for but has not applied: setting -> wanted value. */
  readonly pending: Readonly<Partial<Record<SettingId, RuntimeValue>>>;
  /** Settings whose current value should be written for boot although nothing was toggled. */
  readonly keepIds: readonly SettingId[];
  /** What the next Apply does with the files: how long, which file, or a removal. */
  readonly persistence: PersistenceChoice;
  readonly applying: boolean;
  /** Successful Applies so far; lets dependent views offer to re-check. */
  readonly appliedCount: number;
  /**
   * What the choices were before the conflict fix now pending ("Make both keep it on", "Use
   * /etc/sysctl.conf"): its undo puts them back. Null when no fix is pending.
   */
  readonly beforeFix: {
    readonly keepIds: readonly SettingId[];
    readonly persistence: PersistenceChoice;
  } | null;
  /** "Turn it off now" chose "This session only" for this setting: the bar says why. */
  readonly sessionOnlyFor: SettingId | null;
  readonly outcome: {
    readonly applied: boolean;
    readonly report: ChangeReport | null;
    readonly error: ApiError | null;
  } | null;
}

export type ViewAction =
  | { readonly type: 'refresh-started' }
  | { readonly type: 'state-read'; readonly system: AppState }
  | { readonly type: 'read-failed'; readonly error: ApiError }
  | { readonly type: 'toggled'; readonly id: SettingId }
  | { readonly type: 'persistence-chosen'; readonly choice: Lasting['kind'] }
  | { readonly type: 'file-name-changed'; readonly fileName: string }
  | { readonly type: 'discarded' }
  | { readonly type: 'keep-at-boot'; readonly id: SettingId }
  | { readonly type: 'set-now'; readonly id: SettingId; readonly value: RuntimeValue }
  | {
      readonly type: 'resolution-chosen';
      /** Another file name, or null for /etc/sysctl.conf itself. */
      readonly fileName: string | null;
      readonly ids: readonly SettingId[];
    }
  | { readonly type: 'resolution-undone' }
  /** "Make both keep it on": keep the value at boot, in /etc/sysctl.conf where that settles it. */
  | { readonly type: 'engines-agree-chosen'; readonly id: SettingId; readonly sysctlConf: boolean }
  | { readonly type: 'removal-chosen'; readonly from: RemovalSource; readonly id: SettingId }
  | { readonly type: 'removal-reset-changed'; readonly resetRuntime: boolean }
  | { readonly type: 'outcome-dismissed' }
  | { readonly type: 'apply-started' }
  | { readonly type: 'apply-finished'; readonly outcome: ApplyOutcome }
  | { readonly type: 'apply-failed'; readonly error: ApiError };

export const initialViewState: ViewState = {
  phase: 'loading',
  refreshing: false,
  system: null,
  error: null,
  pending: {},
  keepIds: [],
  persistence: initialPersistence,
  applying: false,
  appliedCount: 0,
  beforeFix: null,
  sessionOnlyFor: null,
  outcome: null,
};
