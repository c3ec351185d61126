import { useEffect, useRef, useState } from 'react';
import type { ApplyRequest } from '../../../electron/contract';
import { useCtrlEnter } from '../use-ctrl-enter';
import { takeEarlyCtrlEnter } from '../early-ctrl-enter';

export interface ApplyShortcutInput {
  readonly request: ApplyRequest | null;
  /** A stable key of `request`: the change a key press confirmed. */
  readonly requestKey: string | null;
  readonly applying: boolean;
  readonly canApply: boolean;
  /** The plan of the current request is still being worked out. */
  readonly checking: boolean;
  readonly apply: () => void;
}

/**
 * Ctrl+Enter applies from anywhere, as the hint next to the button says. Pressed while
 * the plan of a fresh change is still being worked out, it waits for it (and says so)
 * instead of being lost. Returns true while such a press waits.
 */
export function useApplyShortcut(input: ApplyShortcutInput): boolean {
  const { request, requestKey, applying, canApply, checking, apply } = input;
  // The key press is remembered in a ref (it must fire once), the note in state.
  const applyWhenReady = useRef(false);
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  // Listening from the first render on, not from when the bar appears: a Ctrl+Enter
  // right after flipping the switch may come before any later effect has run.
  const press = (): boolean => {
    if (request === null || applying) return false;
    if (canApply) apply();
    else if (checking) {
      applyWhenReady.current = true;
      setWaitingFor(requestKey);
    }
    return true;
  };
  useCtrlEnter((e) => {
    if (press()) e.preventDefault();
  });
  // A press made while this chunk was still loading counts as made now.
  useEffect(() => {
    // An event from outside React (a key press before this chunk loaded), taken once on
    // mount: later presses reach the listener above.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    if (takeEarlyCtrlEnter()) press();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  useEffect(() => {
    if (!applyWhenReady.current || checking) return;
    // The plan is in: apply it, or leave its error on screen for the user to read.
    applyWhenReady.current = false;
    // Only the change the key was pressed for: an edit since then was not confirmed.
    if (canApply && waitingFor === requestKey) apply();
  }, [checking, canApply, apply, waitingFor, requestKey]);
  return checking && waitingFor !== null && waitingFor === requestKey;
}
