import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ApplyRequest,
  AppState,
  ChangePlan,
  RuntimeValue,
  SettingId,
} from '../../../electron/contract';
import { describeLostAtRestart } from '../boot-words';
import { describeAuth } from '../auth-words';
import { describeChanges } from '../change-words';
import type { PersistenceChoice, ViewState } from '../state/app-reducer';
import { ApplyOutcome } from './apply-outcome';
import { CommandBlocks } from './command-blocks';
import { InlineCode } from './inline-code';
import { FleetExport, type FleetFormat } from './fleet-export';
import { FILE_ACTION_ID, PersistenceOptions, persistenceRadioId } from './persistence-options';
import { RemovalDetails } from './removal-details';
import { WaitingNotes } from './waiting-notes';
import { PersistTargetNote } from './persist-target-note';
import { hasPendingChange } from '../state/apply-request';
import { ShieldIcon } from './shield-icon';
import { useCtrlEnter } from '../use-ctrl-enter';
import { updateThenFocus } from '../focus-after';

export interface ApplyBarProps {
  readonly view: ViewState;
  readonly system: AppState;
  readonly request: ApplyRequest | null;
  readonly plan: ChangePlan | null;
  readonly onChoice: (choice: PersistenceChoice) => void;
  readonly onFileName: (fileName: string) => void;
  readonly onApply: () => void;
  readonly onDiscard: () => void;
  /** A conflict fix: another file name, or null for /etc/sysctl.conf itself, for these settings. */
  readonly onResolution: (fileName: string | null, ids: readonly SettingId[]) => void;
  readonly onUndoResolution: () => void;
  readonly onRemovalReset: (reset: boolean) => void;
  readonly onDismissOutcome: () => void;
  /** Saves the pending change as Ansible tasks or cloud-init; resolves to words for the result. */
  readonly onSaveFleet: (format: FleetFormat) => Promise<string>;
}

export const APPLY_BUTTON_ID = 'apply-button';

const FILE_ERRORS = new Set([
  'invalid-file-name',
  'target-symlink',
  'target-not-regular',
  'file-not-text',
  'file-too-large',
  'file-unreadable',
  'file-name-hides-file',
]);

/**
 * Keeps `--apply-bar-height` equal to the bar's real height, through every
 * content change, so focused content is never scrolled under the bar and the
 * page's end can be scrolled above it. Returns the way to stop.
 */
function observeBarHeight(element: HTMLElement): () => void {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    const bar = element.getBoundingClientRect();
    root.style.setProperty('--apply-bar-height', `${bar.height}px`);
    // The bar appearing or growing must not cover the control just used (the switch or
    // button that made it appear): scroll it back above the bar (scroll-padding-bottom).
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !element.contains(focused) && focused !== document.body) {
      if (focused.getBoundingClientRect().bottom > bar.top)
        focused.scrollIntoView({ block: 'nearest' });
    }
  });
  observer.observe(element, { box: 'border-box' });
  return () => {
    observer.disconnect();
    root.style.removeProperty('--apply-bar-height');
  };
}

/**
 * A callback ref for the bar, not an effect: the bar mounts and unmounts with
 * the pending change, and the ref is told of both.
 */
export function useBarHeightRef(): (element: HTMLElement | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback((element: HTMLElement | null) => {
    stop.current?.();
    stop.current = element ? observeBarHeight(element) : null;
  }, []);
}

/** Settings the chosen option leaves with a different value after a restart. */
function lostAtRestart(system: AppState, request: ApplyRequest): string[] {
  if (request.persistence.kind !== 'runtime') return [];
  return system.settings.flatMap((s) => {
    const wanted = request.values[s.id];
    const boot = system.boot.settings.find((b) => b.id === s.id);
    if (wanted === undefined || !boot) return [];
    const words = describeLostAtRestart(s.label, wanted as RuntimeValue, boot);
    return words ? [words] : [];
  });
}

/**
 * The apply bar: fixed to the bottom of the window while a change is pending,
 * with what will change, how long it lasts, Discard and "Apply…", and the
 * outcome of the last Apply right next to it.
 */
export function ApplyBar(props: ApplyBarProps) {
  const { view, system, request, plan } = props;
  const [commandsOpen, setCommandsOpen] = useState(false);
  const measureBarHeight = useBarHeightRef();
  const planError = plan?.error ?? null;
  const fileError = planError && FILE_ERRORS.has(planError.code) ? planError.message : null;
  const otherError = planError && !fileError ? planError : null;
  const canApply = request !== null && plan !== null && planError === null && !view.applying;
  const lost = request ? lostAtRestart(system, request) : [];
  // Something the user chose but Apply has nothing to do for still keeps the bar open.
  const shown = request !== null || hasPendingChange(view);

  // Ctrl+Enter applies from anywhere, as the hint next to the button says. Pressed
  // while the plan of a fresh change is still being worked out, it waits for it
  // (and says so) instead of being lost.
  const apply = props.onApply;
  const checking = request !== null && plan === null && !view.applying;
  const requestKey = request ? JSON.stringify(request) : null;
  // The key press is remembered in a ref (it must fire once), the note in state.
  const applyWhenReady = useRef(false);
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  // Listening from the first render on, not from when the bar appears: a Ctrl+Enter
  // right after flipping the switch may come before any later effect has run.
  useCtrlEnter((e) => {
    if (request === null || view.applying) return;
    e.preventDefault();
    if (canApply) apply();
    else if (checking) {
      applyWhenReady.current = true;
      setWaitingFor(requestKey);
    }
  });
  useEffect(() => {
    if (!applyWhenReady.current || checking) return;
    // The plan is in: apply it, or leave its error on screen for the user to read.
    applyWhenReady.current = false;
    // Only the change the key was pressed for: an edit since then was not confirmed.
    if (canApply && waitingFor === requestKey) apply();
  }, [checking, canApply, apply, waitingFor, requestKey]);
  const showWaiting = checking && waitingFor !== null && waitingFor === requestKey;

  if (!shown && view.outcome === null && !view.applying) return null;
  return (
    <section
      ref={measureBarHeight}
      className="apply-bar"
      aria-labelledby="apply-title"
      aria-busy={view.applying}
      data-testid="apply-bar"
    >
      <div className="apply-bar-body">
        <h2 id="apply-title" className={shown ? undefined : 'visually-hidden'}>
          {shown ? 'Pending change' : 'Last change'}
        </h2>
        <ApplyOutcome outcome={view.outcome} onDismiss={props.onDismissOutcome} />
        {shown ? (
          <>
            <ul className="change-list" data-testid="change-list">
              {(request ? describeChanges(system, request) : []).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {view.removal ? (
              <RemovalDetails
                system={system}
                removal={view.removal}
                disabled={view.applying}
                onReset={props.onRemovalReset}
              />
            ) : (
              <PersistenceOptions
                choice={view.persistence}
                target={view.persistTarget}
                fileName={view.fileName ?? system.persistence.suggestedFileNames.both}
                directory={system.persistence.directory}
                fileError={fileError}
                fileAction={plan?.error === null ? (plan.file?.action ?? null) : null}
                disabled={view.applying}
                onChoice={props.onChoice}
                onFileName={props.onFileName}
                onUndoTarget={props.onUndoResolution}
              />
            )}
            <PersistTargetNote system={system} request={request} />
            {lost.length > 0 ? (
              <div className="note warning" role="note" data-testid="lost-at-restart">
                {lost.map((line) => (
                  <p key={line}>{line}</p>
                ))}
                <div className="note-actions">
                  <button
                    type="button"
                    className="button small"
                    disabled={view.applying}
                    // The note goes once the choice is made: focus the choice it made.
                    onClick={() =>
                      updateThenFocus(
                        () => props.onChoice('persist'),
                        persistenceRadioId('persist'),
                      )
                    }
                  >
                    Keep it at every boot instead
                  </button>
                </div>
              </div>
            ) : null}
            <WaitingNotes view={view} system={system} />
            {otherError ? (
              <p className="inline-error" role="alert" data-testid="plan-error">
                {otherError.message}
              </p>
            ) : null}
            {plan && plan.conflicts.length > 0 ? (
              <div className="note warning" role="note" data-testid="conflicts">
                <p>
                  <strong>This would not stick at boot.</strong>
                </p>
                <ul>
                  {plan.conflicts.map((c) => (
                    <li key={`${c.id}-${c.engine}`}>
                      <InlineCode text={c.message} />
                    </li>
                  ))}
                </ul>
                {[...new Map(plan.conflicts.map((c) => [c.suggestion, c])).values()].map((c) => {
                  const ids = [
                    ...new Set(
                      plan.conflicts
                        .filter((o) => o.suggestedFileName === c.suggestedFileName)
                        .map((o) => o.id),
                    ),
                  ];
                  return (
                    <p key={c.suggestion} className="resolution">
                      <InlineCode text={c.suggestion} />{' '}
                      <button
                        type="button"
                        className="button small"
                        disabled={view.applying}
                        // The note goes once the new plan settles it: the file line, which
                        // names what was chosen, keeps the focus instead of <body>.
                        onClick={() =>
                          updateThenFocus(
                            () => props.onResolution(c.suggestedFileName, ids),
                            FILE_ACTION_ID,
                          )
                        }
                      >
                        {c.suggestedFileName === null
                          ? 'Use /etc/sysctl.conf'
                          : `Use ${c.suggestedFileName}`}
                      </button>
                    </p>
                  );
                })}
              </div>
            ) : null}
            <details
              className="commands"
              open={commandsOpen}
              onToggle={(e) => setCommandsOpen(e.currentTarget.open)}
            >
              <summary>Equivalent commands</summary>
              {plan && plan.commands.length > 0 ? (
                <CommandBlocks blocks={plan.commands} />
              ) : (
                <p className="hint">
                  {plan || !request ? 'No command needed.' : 'Working them out…'}
                </p>
              )}
              {plan && plan.fleet.length > 0 ? (
                <>
                  <h3 className="fleet-title">For more machines: Ansible or cloud-init</h3>
                  <FleetExport blocks={plan.fleet} onSave={props.onSaveFleet} />
                </>
              ) : null}
            </details>
          </>
        ) : null}
      </div>
      {shown ? (
        <div className="apply-actions">
          {showWaiting ? (
            <p className="auth-hint" role="status" data-testid="apply-when-ready">
              Still checking the change… it applies as soon as that is done.
            </p>
          ) : null}
          <p className="auth-hint" id="auth-hint">
            {describeAuth(system, view.applying)}
          </p>
          <button
            id={APPLY_BUTTON_ID}
            type="button"
            className="button primary"
            onClick={props.onApply}
            disabled={!canApply}
            aria-describedby="auth-hint"
            aria-keyshortcuts="Control+Enter"
          >
            {system.passwordPrompt === 'asks' ? <ShieldIcon /> : null}
            Apply…
          </button>
          <button
            type="button"
            className="button"
            onClick={props.onDiscard}
            disabled={view.applying}
          >
            Discard
          </button>
        </div>
      ) : null}
    </section>
  );
}
