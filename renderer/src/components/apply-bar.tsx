import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type Dispatch } from 'react';
import type { ApplyRequest, AppState, ChangePlan } from '../../../electron/contract';
import { APPLY_BUTTON_ID } from '../apply-button-id';
import { describeAuth } from '../auth-words';
import { pendingChangeWords } from '../change-words';
import { barFacts } from '../state/bar-selectors';
import { onlyIdsOf, removalOf } from '../state/persistence-choice';
import { disagreeNoteId } from './boot-summary';
import type { ViewAction, ViewState } from '../state/view-state';
import { ApplyOutcome } from './apply-outcome';
import { ConflictsNote } from './conflicts-note';
import { EquivalentCommands } from './equivalent-commands';
import { LostAtRestartNote } from './lost-at-restart-note';
import { FILE_ACTION_ID, PersistenceOptions } from './persistence-options';
import { PersistTargetNote } from './persist-target-note';
import { RemovalDetails } from './removal-details';
import { ShieldIcon } from './shield-icon';
import { useApplyShortcut } from './use-apply-shortcut';
import { useBarHeightRef } from './use-bar-height';
import { errorWords } from '../error-words';
import { applyBlockWords } from '../words/apply-block-words';
import { SessionOnlyNote } from './session-only-note';
import { FixLines } from './fix-lines';
import type { FixFor } from './bind-test-panel';
import { WaitingNotes } from './waiting-notes';

export interface ApplyBarProps {
  readonly view: ViewState;
  readonly system: AppState;
  readonly request: ApplyRequest | null;
  /** A stable key of `request` (the plan is keyed by it too). */
  readonly requestKey: string | null;
  readonly plan: ChangePlan | null;
  readonly dispatch: Dispatch<ViewAction>;
  /** Runs the Apply of `request` (it needs the backend and a re-read on failure). */
  readonly onApply: () => void;
  /** Discard and Dismiss remove the focused button: the owner of the focus takes it back. */
  readonly returnFocus: () => void;
  /** The switch a failing VIP test after the Apply offers (bind-test-panel.tsx). */
  readonly fixFor: FixFor;
}

/**
 * Undo of a conflict fix restores the choices from before it. When nothing waits then,
 * the bar goes with the undo link: the focus goes back to the fix's button in the note
 * it was about (or to the switch), not to the page.
 */
function undoFix(view: ViewState, dispatch: Dispatch<ViewAction>, returnFocus: () => void) {
  const fixed = onlyIdsOf(view.persistence) ?? [];
  dispatch({ type: 'resolution-undone' });
  // The undo link's own handler renders the update and focuses the file line if it is
  // still there (persistence-options.tsx); only after that is it known whether it is.
  queueMicrotask(() => {
    if (document.getElementById(FILE_ACTION_ID)) return;
    const button = fixed
      .map((id) => document.querySelector<HTMLElement>(`#${disagreeNoteId(id)} button`))
      .find((b) => b !== null);
    if (button) button.focus();
    else returnFocus();
  });
}

/**
 * The apply bar: fixed to the bottom of the window while a change is pending,
 * with what will change, how long it lasts, Discard and "Apply…", and the
 * outcome of the last Apply right next to it.
 */
export function ApplyBar(props: ApplyBarProps) {
  const { view, system, request, plan, dispatch } = props;
  const { t } = useLingui();
  const [commandsOpen, setCommandsOpen] = useState(false);
  const measureBarHeight = useBarHeightRef();
  const facts = barFacts(view, system, request, plan);
  const removal = removalOf(view.persistence);
  const showWaiting = useApplyShortcut({
    request,
    requestKey: props.requestKey,
    applying: view.applying,
    canApply: facts.canApply,
    checking: facts.checking,
    apply: props.onApply,
  });
  const leave = (action: ViewAction) => {
    props.returnFocus();
    dispatch(action);
  };

  const { shown } = facts;
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
          {shown ? t`Pending change` : t`Last change`}
        </h2>
        <ApplyOutcome
          outcome={view.outcome}
          system={system}
          fixFor={props.fixFor}
          onDismiss={() => leave({ type: 'outcome-dismissed' })}
        />
        {shown ? (
          <>
            <ul className="change-list" data-testid="change-list">
              {facts.changes.map(pendingChangeWords).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {removal ? (
              <RemovalDetails
                system={system}
                removal={removal}
                disabled={view.applying}
                onReset={(resetRuntime) =>
                  dispatch({ type: 'removal-reset-changed', resetRuntime })
                }
              />
            ) : (
              <PersistenceOptions
                choice={facts.lasting}
                target={facts.boot}
                fileName={facts.fileName}
                directory={system.persistence.directory}
                fileError={facts.fileError}
                fileAction={facts.fileAction}
                disabled={view.applying}
                onChoice={(choice) => dispatch({ type: 'persistence-chosen', choice })}
                onFileName={(fileName) => dispatch({ type: 'file-name-changed', fileName })}
                onUndoTarget={() => undoFix(view, dispatch, props.returnFocus)}
              />
            )}
            <FixLines view={view} system={system} />
            <PersistTargetNote system={system} request={request} />
            <LostAtRestartNote lost={facts.lost} disabled={view.applying} dispatch={dispatch} />
            <WaitingNotes view={view} system={system} />
            <SessionOnlyNote view={view} system={system} />
            {facts.otherError ? (
              <p className="inline-error" role="alert" data-testid="plan-error">
                {errorWords(facts.otherError)}
              </p>
            ) : null}
            <ConflictsNote plan={plan} disabled={view.applying} dispatch={dispatch} />
            <EquivalentCommands
              request={request}
              plan={plan}
              open={commandsOpen}
              onToggle={setCommandsOpen}
            />
          </>
        ) : null}
      </div>
      {shown ? (
        <div className="apply-actions">
          {showWaiting ? (
            <p className="auth-hint" role="status" data-testid="apply-when-ready">
              <Trans>Still checking the change… it applies as soon as that is done.</Trans>
            </p>
          ) : null}
          {facts.block ? (
            <p className="auth-hint apply-block" id="auth-hint" data-testid="apply-block">
              {applyBlockWords(facts.block)}
            </p>
          ) : (
            <p className="auth-hint" id="auth-hint">
              {describeAuth(system, view.applying)}
            </p>
          )}
          <button
            id={APPLY_BUTTON_ID}
            type="button"
            className="button primary"
            onClick={props.onApply}
            disabled={!facts.canApply}
            aria-describedby="auth-hint"
            aria-keyshortcuts="Control+Enter"
          >
            {system.passwordPrompt === 'asks' && facts.block === null ? <ShieldIcon /> : null}
            <Trans comment="button: apply the pending change (asks for the administrator password)">
              Apply…
            </Trans>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => leave({ type: 'discarded' })}
            disabled={view.applying}
          >
            <Trans comment="button: throw the pending change away">Discard</Trans>
          </button>
        </div>
      ) : null}
    </section>
  );
}
