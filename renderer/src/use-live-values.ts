import { useEffect, useLayoutEffect, useRef, useState, type Dispatch } from 'react';
import type { AppState, RuntimeValue, SettingId } from '../../electron/contract';
import { useApi } from './api-context';
import { currentValue } from './state/selectors';
import type { ViewAction, ViewState } from './state/view-state';

/**
 * How often the values are read again while the window is visible. A read of the state is
 * one pass of the reader thread over files it mostly keeps (sysctl-read-keep.ts); at this
 * rate it costs well under 1% of one core (`npm run bench`, "live values polling").
 */
export const LIVE_POLL_MS = 2_000;

/** A value that moved under a change waiting in the bar, found by a poll. */
export interface MovedUnderPending {
  readonly id: SettingId;
  /** The value read now; null when it can no longer be read. */
  readonly now: RuntimeValue | null;
  /** True when the waiting change was dropped because the system already has it. */
  readonly dropped: boolean;
}

/** The state without its time stamp: two reads that differ only in when they ran are equal. */
const contentOf = (state: AppState): string => JSON.stringify({ ...state, readAt: '' });

function movedUnder(view: ViewState, next: AppState): MovedUnderPending[] {
  return (Object.entries(view.pending) as [SettingId, RuntimeValue][]).flatMap(([id, wanted]) => {
    const before = currentValue(view.system, id);
    const now = currentValue(next, id);
    return before === now ? [] : [{ id, now, dropped: now === wanted }];
  });
}

/**
 * Keeps the cards live: re-reads every LIVE_POLL_MS while the window is visible, and at
 * once when it gains the focus or becomes visible again. A read that changed nothing is
 * dropped (no re-render, no "Read at" announced every two seconds); one that did updates
 * the cards through the same action as Refresh, which keeps the pending change, and a
 * value that moved under a waiting change is reported so the user can be told.
 */
export function useLiveValues(
  view: ViewState,
  dispatch: Dispatch<ViewAction>,
): { readonly moved: readonly MovedUnderPending[]; readonly dismiss: () => void } {
  const api = useApi();
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  }, [view]);
  const [moved, setMoved] = useState<readonly MovedUnderPending[]>([]);

  useEffect(() => {
    let inFlight = false;
    let stopped = false;
    const poll = async () => {
      const before = latest.current;
      if (inFlight || stopped || document.visibilityState !== 'visible') return;
      if (before.system === null || before.applying || before.refreshing) return;
      inFlight = true;
      const answer = await api.getState();
      inFlight = false;
      const now = latest.current;
      // An Apply or a Refresh that started (or even ended) meanwhile brings its own, newer
      // reading: this answer may predate it, so it is dropped rather than shown over it.
      if (!answer.ok || stopped || now.applying || now.refreshing) return;
      if (now.system === null || now.system !== before.system) return;
      if (contentOf(answer.value) === contentOf(now.system)) return;
      const found = movedUnder(now, answer.value);
      if (found.length > 0) setMoved(found);
      dispatch({ type: 'state-read', system: answer.value });
    };
    const timer = window.setInterval(() => void poll(), LIVE_POLL_MS);
    const soon = () => void poll();
    window.addEventListener('focus', soon);
    document.addEventListener('visibilitychange', soon);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('focus', soon);
      document.removeEventListener('visibilitychange', soon);
    };
  }, [api, dispatch]);

  return { moved, dismiss: () => setMoved([]) };
}
