import type {
  ApiError,
  AppState,
  ApplyOutcome,
  ApplyRequest,
  RuntimeValue,
  SettingId,
} from '../../../electron/contract';

export type PersistenceChoice = 'runtime' | 'persist' | 'unpersist';

/** What the view knows. The system is the source of truth: values shown are only ever what was read. */
export interface ViewState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly refreshing: boolean;
  readonly system: AppState | null;
  readonly error: ApiError | null;
  /** Changes the user asked for but has not applied: setting -> wanted value. */
  readonly pending: Readonly<Partial<Record<SettingId, RuntimeValue>>>;
  readonly persistence: PersistenceChoice;
  /** With "Now and at every boot": a file in /etc/sysctl.d, or /etc/sysctl.conf itself (a conflict resolution). */
  readonly persistTarget: 'sysctl.d' | 'sysctl.conf';
  /** Settings whose current value should be written for boot although nothing was toggled. */
  readonly keepIds: readonly SettingId[];
  /** Null until the first read proposes a file name. */
  readonly fileName: string | null;
  readonly resetRuntime: boolean;
  readonly applying: boolean;
  /** Successful Applies so far; lets dependent views offer to re-check. */
  readonly appliedCount: number;
  readonly outcome: {
    readonly applied: boolean;
    readonly summary: string;
    readonly error: ApiError | null;
  } | null;
}

export type ViewAction =
  | { readonly type: 'refresh-started' }
  | { readonly type: 'state-read'; readonly system: AppState }
  | { readonly type: 'read-failed'; readonly error: ApiError }
  | { readonly type: 'toggled'; readonly id: SettingId }
  | { readonly type: 'persistence-chosen'; readonly choice: PersistenceChoice }
  | { readonly type: 'file-name-changed'; readonly fileName: string }
  | { readonly type: 'reset-runtime-changed'; readonly resetRuntime: boolean }
  | { readonly type: 'discarded' }
  | { readonly type: 'keep-at-boot'; readonly id: SettingId }
  | { readonly type: 'restore-boot-now'; readonly id: SettingId; readonly value: RuntimeValue }
  | { readonly type: 'resolution-chosen'; readonly fileName: string | null }
  | { readonly type: 'apply-started' }
  | { readonly type: 'apply-finished'; readonly outcome: ApplyOutcome }
  | { readonly type: 'apply-failed'; readonly error: ApiError };

export const initialViewState: ViewState = {
  phase: 'loading',
  refreshing: false,
  system: null,
  error: null,
  pending: {},
  persistence: 'runtime',
  persistTarget: 'sysctl.d',
  keepIds: [],
  fileName: null,
  resetRuntime: false,
  applying: false,
  appliedCount: 0,
  outcome: null,
};

/** The runtime value of a setting, or null when it cannot be changed. */
export function currentValue(system: AppState | null, id: SettingId): RuntimeValue | null {
  const reading = system?.settings.find((s) => s.id === id)?.runtime;
  if (reading?.kind === 'value') return reading.value;
  if (reading?.kind === 'unexpected') return /^\s*0+\s*$/.test(reading.raw) ? 0 : 1;
  return null;
}

/** Drops pending entries the system already has, e.g. after a refresh. */
function prunePending(pending: ViewState['pending'], system: AppState): ViewState['pending'] {
  const next: Partial<Record<SettingId, RuntimeValue>> = {};
  for (const [id, value] of Object.entries(pending) as [SettingId, RuntimeValue][]) {
    if (currentValue(system, id) !== null && currentValue(system, id) !== value) next[id] = value;
  }
  return next;
}

function withSystem(state: ViewState, system: AppState): ViewState {
  return {
    ...state,
    phase: 'ready',
    refreshing: false,
    system,
    error: null,
    pending: prunePending(state.pending, system),
    fileName: state.fileName ?? system.persistence.suggestedFileName,
  };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'refresh-started':
      return { ...state, refreshing: true };
    case 'state-read':
      return withSystem(state, action.system);
    case 'read-failed':
      // Keep showing the last good reading, marked stale by the error banner.
      return {
        ...state,
        phase: state.system ? 'ready' : 'failed',
        refreshing: false,
        error: action.error,
      };
    case 'toggled': {
      if (state.applying) return state;
      const current = currentValue(state.system, action.id);
      if (current === null) return state;
      const shown = state.pending[action.id] ?? current;
      const wanted: RuntimeValue = shown === 1 ? 0 : 1;
      const { [action.id]: _previous, ...others } = state.pending;
      const pending = wanted === current ? others : { ...others, [action.id]: wanted };
      const persistence = state.persistence === 'unpersist' ? 'runtime' : state.persistence;
      return { ...state, pending, persistence, keepIds: [], outcome: null };
    }
    case 'persistence-chosen':
      return state.applying
        ? state
        : {
            ...state,
            persistence: action.choice,
            pending: action.choice === 'unpersist' ? {} : state.pending,
            outcome: null,
          };
    case 'file-name-changed':
      return state.applying
        ? state
        : { ...state, fileName: action.fileName, persistTarget: 'sysctl.d' };
    case 'keep-at-boot':
      return state.applying
        ? state
        : {
            ...state,
            pending: {},
            keepIds: [action.id],
            persistence: 'persist',
            persistTarget: 'sysctl.d',
            outcome: null,
          };
    case 'restore-boot-now':
      return state.applying
        ? state
        : {
            ...state,
            pending: { [action.id]: action.value },
            keepIds: [],
            persistence: 'runtime',
            outcome: null,
          };
    case 'resolution-chosen':
      // A file name to use instead, or null for /etc/sysctl.conf itself.
      return state.applying
        ? state
        : action.fileName === null
          ? { ...state, persistTarget: 'sysctl.conf' }
          : { ...state, persistTarget: 'sysctl.d', fileName: action.fileName };
    case 'reset-runtime-changed':
      return state.applying ? state : { ...state, resetRuntime: action.resetRuntime };
    case 'discarded':
      return {
        ...state,
        pending: {},
        keepIds: [],
        persistence: 'runtime',
        persistTarget: 'sysctl.d',
        resetRuntime: false,
        outcome: null,
      };
    case 'apply-started':
      return { ...state, applying: true, outcome: null };
    case 'apply-finished': {
      const next = withSystem({ ...state, applying: false }, action.outcome.state);
      const { applied, summary, error } = action.outcome;
      return applied
        ? {
            ...next,
            pending: {},
            persistence: 'runtime',
            resetRuntime: false,
            appliedCount: state.appliedCount + 1,
            outcome: { applied, summary, error },
          }
        : { ...next, outcome: { applied, summary, error } };
    }
    case 'apply-failed':
      return {
        ...state,
        applying: false,
        outcome: { applied: false, summary: '', error: action.error },
      };
  }
}

/** The request the current choices describe, or null when there is nothing to apply. */
export function buildRequest(state: ViewState): ApplyRequest | null {
  const fileName = state.fileName ?? '';
  if (state.persistence === 'unpersist') {
    return {
      values: {},
      persistence: {
        kind: 'unpersist',
        fileName,
        expectedSha256: shaOf(state, fileName),
        resetRuntime: state.resetRuntime,
      },
    };
  }
  const hasPending = Object.keys(state.pending).length > 0;
  if (state.persistence === 'runtime') {
    return hasPending ? { values: { ...state.pending }, persistence: { kind: 'runtime' } } : null;
  }
  // "Now and at every boot" with nothing toggled persists current values: the chosen ones, else all.
  const values: Partial<Record<SettingId, RuntimeValue>> = {};
  for (const setting of state.system?.settings ?? []) {
    const chosen = hasPending
      ? state.pending[setting.id] !== undefined
      : state.keepIds.length === 0 || state.keepIds.includes(setting.id);
    const value = state.pending[setting.id] ?? currentValue(state.system, setting.id);
    if (value !== null && chosen) values[setting.id] = value;
  }
  if (state.persistTarget === 'sysctl.conf') {
    const expectedSha256 = state.system?.persistence.sysctlConfSha256 ?? null;
    return { values, persistence: { kind: 'persist-sysctl-conf', expectedSha256 } };
  }
  return {
    values,
    persistence: { kind: 'persist', fileName, expectedSha256: shaOf(state, fileName) },
  };
}

/** The hash the UI read for a file in /etc/sysctl.d; null when it did not exist then. */
function shaOf(state: ViewState, fileName: string): string | null {
  return state.system?.persistence.files.find((f) => f.name === fileName)?.sha256 ?? null;
}
