import type { AppState, RuntimeValue, SettingId } from '../../../electron/contract';
import {
  dropInOf,
  dropInTarget,
  initialPersistence,
  lastingOf,
  withBoot,
  withDropIn,
  withLasting,
  type PersistenceChoice,
} from './persistence-choice';
import { currentValue, defaultFileName } from './selectors';
import type { ViewAction, ViewState } from './view-state';

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

/** Puts the default file name in place while the user has not chosen one. */
function followDefaultFile(state: ViewState): ViewState {
  const file = dropInOf(state.persistence);
  if (file.chosen) return state;
  const name = defaultFileName(state) ?? file.name;
  return name === file.name
    ? state
    : { ...state, persistence: withDropIn(state.persistence, { name, chosen: false }) };
}

/**
 * Any edit of the pending change starts a new story: the last outcome goes. Nothing the
 * user chose goes with it: a removal, a value kept at boot and a switch change all stay
 * until applied or discarded, because a change that silently vanishes is worse than one
 * that waits its turn in the bar.
 */
function editing(state: ViewState): ViewState {
  return { ...state, outcome: null, sessionOnlyFor: null };
}

/** True when anything besides `id` waits for Apply: another switch, a kept value or a removal. */
/** True when anything besides `id` waits for Apply: another switch, a kept value or a removal. */
function othersPending(state: ViewState, id: SettingId): boolean {
  const otherIds = Object.keys(state.pending).filter((other) => other !== id);
  return (
    otherIds.length > 0 ||
    state.keepIds.some((k) => k !== id) ||
    state.persistence.kind === 'remove'
  );
}

/** Remembers the choices before a conflict fix, once: a second fix keeps the first state. */
function remembered(state: ViewState): ViewState {
  if (state.beforeFix) return state;
  return { ...state, beforeFix: { keepIds: state.keepIds, persistence: state.persistence } };
}

/** The radio button set to `kind`, the file it would write into unchanged. */
function lasting(choice: PersistenceChoice, kind: 'runtime' | 'persist'): PersistenceChoice {
  return withLasting(choice, { kind, boot: lastingOf(choice).boot });
}

/**
 * After a removal is applied, what waited behind it takes its place; the file the lines
 * just left is no place to write the waiting changes back into.
 */
function afterRemoval(choice: PersistenceChoice): PersistenceChoice {
  if (choice.kind !== 'remove') return choice;
  const { from } = choice.removal;
  const { file } = choice.then.boot;
  const leftFile = from.kind === 'drop-in' && from.fileName === file.name;
  const kept = { ...file, chosen: file.chosen && !leftFile };
  const leftConf = from.kind === 'sysctl-conf' && choice.then.boot.kind === 'sysctl-conf';
  const boot = leftConf ? dropInTarget(kept) : { ...choice.then.boot, file: kept };
  return { ...choice.then, boot };
}

/**
 * After an Apply of values, back to the default choice. A fix into /etc/sysctl.conf for
 * some keys left the others waiting, still bound for the file name the user typed: it
 * stays theirs.
 */
function afterValuesApplied(choice: PersistenceChoice): PersistenceChoice {
  const { boot } = lastingOf(choice);
  const chosen = boot.kind === 'sysctl-conf' && boot.file.chosen;
  return { kind: 'persist', boot: dropInTarget({ name: boot.file.name, chosen }) };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  const next = reduceView(state, action);
  return next === state ? state : followDefaultFile(next);
}

const WHILE_APPLYING: readonly ViewAction['type'][] = [
  'apply-finished',
  'apply-failed',
  'state-read',
  'refresh-started',
  'read-failed',
];

function reduceView(state: ViewState, action: ViewAction): ViewState {
  if (state.applying && !WHILE_APPLYING.includes(action.type)) return state;
  const choice = state.persistence;
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
      return { ...editing(state), persistence: lasting(choice, action.choice), beforeFix: null };
    case 'file-name-changed':
      return {
        ...state,
        persistence: withBoot(choice, dropInTarget({ name: action.fileName, chosen: true })),
      };
    case 'keep-at-boot':
      return {
        ...editing(state),
        keepIds: state.keepIds.includes(action.id) ? state.keepIds : [...state.keepIds, action.id],
        persistence: lasting(choice, 'persist'),
      };
    case 'set-now': {
      // "Turn it on now" sets the value a file already keeps at boot: the duration the user
      // chose stays, and "Now and at every boot" finds that file already saying it. Only
      // when no file sets it (the kernel's default comes back) would that write a needless
      // file: then "This session only" is chosen, and the bar says why (`sessionOnlyFor`).
      const pending = { ...state.pending, [action.id]: action.value };
      const fromFile = state.system?.boot.settings.find((b) => b.id === action.id)?.systemd.winner;
      if (fromFile || othersPending(state, action.id)) return { ...editing(state), pending };
      return {
        ...editing(state),
        pending,
        persistence: lasting(choice, 'runtime'),
        sessionOnlyFor: action.id,
      };
    }
    case 'engines-agree-chosen': {
      const kept = reduceView(remembered(state), { type: 'keep-at-boot', id: action.id });
      if (!action.sysctlConf) return kept;
      return reduceView(kept, { type: 'resolution-chosen', fileName: null, ids: [action.id] });
    }
    case 'resolution-chosen': {
      const boot =
        action.fileName === null
          ? ({ kind: 'sysctl-conf', onlyIds: action.ids, file: dropInOf(choice) } as const)
          : ({
              kind: 'drop-in',
              file: { name: action.fileName, chosen: true },
              onlyIds: action.ids,
            } as const);
      return { ...remembered(state), persistence: withBoot(choice, boot), outcome: null };
    }
    case 'resolution-undone':
      // Undo puts back what was chosen before the fix, not a half of the fix.
      return state.beforeFix
        ? { ...state, ...state.beforeFix, beforeFix: null, outcome: null }
        : { ...state, persistence: withBoot(choice, dropInTarget(dropInOf(choice))) };
    case 'removal-chosen':
      // Switch changes stay pending: the step removes lines on its own, so they follow it.
      return {
        ...editing(state),
        beforeFix: null,
        persistence: {
          kind: 'remove',
          removal: { from: action.from, settings: [action.id], resetRuntime: false },
          then: lastingOf(choice),
        },
      };
    case 'removal-reset-changed':
      return choice.kind === 'remove'
        ? {
            ...state,
            persistence: {
              ...choice,
              removal: { ...choice.removal, resetRuntime: action.resetRuntime },
            },
          }
        : state;
    case 'outcome-dismissed':
      return { ...state, outcome: null };
    case 'discarded':
      return {
        ...state,
        pending: {},
        keepIds: [],
        beforeFix: null,
        sessionOnlyFor: null,
        persistence: withDropIn(initialPersistence, { name: dropInOf(choice).name, chosen: false }),
        outcome: null,
      };
    case 'apply-started':
      return { ...state, applying: true, outcome: null };
    case 'apply-finished': {
      const next = withSystem({ ...state, applying: false }, action.outcome.state);
      const { applied, report, error } = action.outcome;
      if (!applied) return { ...next, outcome: { applied, report, error } };
      return {
        ...next,
        // A removal goes first and alone (see buildRequest); what waited behind it stays.
        // Otherwise what was applied is now the system's value and leaves `pending` by
        // itself; a change a conflict fix left out stays pending for its own Apply.
        ...(choice.kind === 'remove'
          ? { persistence: afterRemoval(choice) }
          : { persistence: afterValuesApplied(choice), keepIds: [] }),
        appliedCount: state.appliedCount + 1,
        beforeFix: null,
        outcome: { applied, report, error },
      };
    }
    case 'apply-failed':
      return {
        ...state,
        applying: false,
        outcome: { applied: false, report: null, error: action.error },
      };
  }
}
