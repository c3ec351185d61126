import type {
  ApiError,
  AppState,
  ApplyOutcome,
  ChangedSettings,
  RuntimeValue,
  SettingId,
} from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';

/** How long a switch change lasts. Removing a file's lines is its own action (`removal`). */
export type PersistenceChoice = 'runtime' | 'persist';

/** "Remove from FILE": take one setting's lines out of a file in /etc/sysctl.d or /etc/sysctl.conf. */
export interface Removal {
  /** A name in /etc/sysctl.d, or SYSCTL_CONF_PATH for /etc/sysctl.conf itself (no name there has a "/"). */
  readonly fileName: string;
  readonly settings: readonly SettingId[];
  /** Also set the running value of these settings to 0 now. */
  readonly resetRuntime: boolean;
}

/** What the view knows. The system is the source of truth: values shown are only ever what was read. */
export interface ViewState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly refreshing: boolean;
  readonly system: AppState | null;
  readonly error: ApiError | null;
  /** Changes the user asked for but has not applied: setting -> wanted value. */
  readonly pending: Readonly<Partial<Record<SettingId, RuntimeValue>>>;
  readonly persistence: PersistenceChoice;
  /** With "Now and at every boot": a file in /etc/sysctl.d, or /etc/sysctl.conf itself (a conflict fix). */
  readonly persistTarget: 'sysctl.d' | 'sysctl.conf';
  /** A conflict fix applies to the conflicting settings only; null: every pending setting. */
  readonly onlyIds: readonly SettingId[] | null;
  /** Settings whose current value should be written for boot although nothing was toggled. */
  readonly keepIds: readonly SettingId[];
  /** Null until the first read proposes a file name. */
  readonly fileName: string | null;
  /**
   * The user typed the file name or picked it with a conflict fix: it stays. Otherwise the
   * name follows the pending change (`defaultFileName`).
   */
  readonly fileNameChosen: boolean;
  readonly removal: Removal | null;
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
  | { readonly type: 'removal-chosen'; readonly fileName: string; readonly id: SettingId }
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
  // Almost everyone who needs this setting needs it after a reboot too.
  persistence: 'persist',
  persistTarget: 'sysctl.d',
  onlyIds: null,
  keepIds: [],
  fileName: null,
  fileNameChosen: false,
  removal: null,
  applying: false,
  appliedCount: 0,
  outcome: null,
};

/** The runtime value of a setting as the kernel uses it, or null when it cannot be changed. */
export function currentValue(system: AppState | null, id: SettingId): RuntimeValue | null {
  return system?.settings.find((s) => s.id === id)?.effective ?? null;
}

/** Drops pending entries the system already has, e.g. after a refresh or an Apply. */
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
  };
}

/** The settings the next Apply would write at boot: switch changes and kept values, in scope. */
function changedSettings(state: ViewState): ChangedSettings {
  const kept = state.persistence === 'persist' ? state.keepIds : [];
  const ids = [...(Object.keys(state.pending) as SettingId[]), ...kept].filter(
    (id) => state.onlyIds === null || state.onlyIds.includes(id),
  );
  const unique = [...new Set(ids)];
  return unique.length === 1 && unique[0] ? unique[0] : 'both';
}

/**
 * The file a change goes into unless the user chose one: a file in /etc/sysctl.d that
 * already sets one of the keys being changed, else the app's own default file (the
 * backend's rule, `suggestedFileNames`), for exactly the settings pending now.
 */
export function defaultFileName(state: ViewState): string | null {
  return state.system?.persistence.suggestedFileNames[changedSettings(state)] ?? null;
}

/** Puts the default file name in place while the user has not chosen one. */
function followDefaultFile(state: ViewState): ViewState {
  if (state.fileNameChosen) return state;
  const fileName = defaultFileName(state) ?? state.fileName;
  return fileName === state.fileName ? state : { ...state, fileName };
}

/**
 * Any edit of the pending change starts a new story: the last outcome goes. Nothing the
 * user chose goes with it: a removal, a value kept at boot and a switch change all stay
 * until applied or discarded, because a change that silently vanishes is worse than one
 * that waits its turn in the bar.
 */
function editing(state: ViewState): ViewState {
  return { ...state, outcome: null };
}

/** True when anything besides `id` waits for Apply: another switch, a kept value or a removal. */
function othersPending(state: ViewState, id: SettingId): boolean {
  const otherIds = Object.keys(state.pending).filter((other) => other !== id);
  return otherIds.length > 0 || state.keepIds.some((k) => k !== id) || state.removal !== null;
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  const next = reduceView(state, action);
  return next === state ? state : followDefaultFile(next);
}

function reduceView(state: ViewState, action: ViewAction): ViewState {
  if (
    state.applying &&
    !['apply-finished', 'apply-failed', 'state-read', 'refresh-started', 'read-failed'].includes(
      action.type,
    )
  ) {
    return state;
  }
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
      const current = currentValue(state.system, action.id);
      if (current === null) return state;
      const shown = state.pending[action.id] ?? current;
      const wanted: RuntimeValue = shown === 1 ? 0 : 1;
      const { [action.id]: _previous, ...others } = state.pending;
      const pending = wanted === current ? others : { ...others, [action.id]: wanted };
      return { ...editing(state), pending };
    }
    case 'persistence-chosen':
      return { ...editing(state), persistence: action.choice };
    case 'file-name-changed':
      return {
        ...state,
        fileName: action.fileName,
        fileNameChosen: true,
        persistTarget: 'sysctl.d',
        onlyIds: null,
      };
    case 'keep-at-boot':
      return {
        ...editing(state),
        keepIds: state.keepIds.includes(action.id) ? state.keepIds : [...state.keepIds, action.id],
        persistence: 'persist',
      };
    case 'set-now':
      // "Turn it off now" sets the boot value, so "this session only" is all it needs. The
      // persistence choice covers the whole bar, though: when another change already waits,
      // its choice stands (keeping the boot value at boot changes nothing after a restart).
      return {
        ...editing(state),
        pending: { ...state.pending, [action.id]: action.value },
        persistence: othersPending(state, action.id) ? state.persistence : 'runtime',
      };
    case 'resolution-chosen':
      return action.fileName === null
        ? { ...state, persistTarget: 'sysctl.conf', onlyIds: action.ids, outcome: null }
        : {
            ...state,
            persistTarget: 'sysctl.d',
            fileName: action.fileName,
            fileNameChosen: true,
            onlyIds: action.ids,
            outcome: null,
          };
    case 'resolution-undone':
      return { ...state, persistTarget: 'sysctl.d', onlyIds: null };
    case 'removal-chosen':
      // Switch changes stay pending: the step removes lines on its own, so they follow it.
      return {
        ...editing(state),
        removal: { fileName: action.fileName, settings: [action.id], resetRuntime: false },
      };
    case 'removal-reset-changed':
      return state.removal
        ? { ...state, removal: { ...state.removal, resetRuntime: action.resetRuntime } }
        : state;
    case 'outcome-dismissed':
      return { ...state, outcome: null };
    case 'discarded':
      return {
        ...state,
        pending: {},
        keepIds: [],
        persistence: 'persist',
        persistTarget: 'sysctl.d',
        onlyIds: null,
        removal: null,
        fileNameChosen: false,
        outcome: null,
      };
    case 'apply-started':
      return { ...state, applying: true, outcome: null };
    case 'apply-finished': {
      const next = withSystem({ ...state, applying: false }, action.outcome.state);
      const { applied, summary, error } = action.outcome;
      if (!applied) return { ...next, outcome: { applied, summary, error } };
      // A removal goes first and alone (see buildRequest); what waited behind it stays.
      if (state.removal) {
        // The file the lines just left is no place to write the waiting changes back into.
        const leftConf =
          state.removal.fileName === SYSCTL_CONF_PATH && state.persistTarget === 'sysctl.conf';
        return {
          ...next,
          removal: null,
          fileNameChosen: state.fileNameChosen && state.fileName !== state.removal.fileName,
          ...(leftConf ? ({ persistTarget: 'sysctl.d', onlyIds: null } as const) : {}),
          appliedCount: state.appliedCount + 1,
          outcome: { applied, summary, error },
        };
      }
      // What was applied is now the system's value and leaves `pending` by itself; a
      // change a conflict fix left out stays pending for its own Apply.
      return {
        ...next,
        keepIds: [],
        persistence: 'persist',
        persistTarget: 'sysctl.d',
        onlyIds: null,
        removal: null,
        // A fix into /etc/sysctl.conf for some keys left the others waiting, still bound for
        // the file name the user typed: it stays theirs.
        fileNameChosen:
          state.persistTarget === 'sysctl.conf' && state.onlyIds !== null && state.fileNameChosen,
        appliedCount: state.appliedCount + 1,
        outcome: { applied, summary, error },
      };
    }
    case 'apply-failed':
      return {
        ...state,
        applying: false,
        outcome: { applied: false, summary: '', error: action.error },
      };
  }
}
