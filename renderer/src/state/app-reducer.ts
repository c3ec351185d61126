import type { ApiError, AppState } from '../../../electron/contract';

/** What the main view knows; the system is the source of truth, so state is only ever what was read. */
export interface ViewState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly refreshing: boolean;
  readonly system: AppState | null;
  readonly error: ApiError | null;
}

export type ViewAction =
  | { readonly type: 'refresh-started' }
  | { readonly type: 'state-read'; readonly system: AppState }
  | { readonly type: 'read-failed'; readonly error: ApiError };

export const initialViewState: ViewState = {
  phase: 'loading',
  refreshing: false,
  system: null,
  error: null,
};

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'refresh-started':
      return { ...state, refreshing: true };
    case 'state-read':
      return { phase: 'ready', refreshing: false, system: action.system, error: null };
    case 'read-failed':
      // Keep showing the last good reading, marked stale by the error banner.
      return {
        ...state,
        phase: state.system ? 'ready' : 'failed',
        refreshing: false,
        error: action.error,
      };
  }
}
