import type { ApplyRequest, AppState, ChangePlan } from '../../../electron/contract';
import { describeChanges } from '../change-words';
import type { ViewState, PersistenceChoice } from '../state/app-reducer';
import { CommandBlocks } from './command-blocks';
import { PersistenceOptions } from './persistence-options';

export interface ApplyBarProps {
  readonly view: ViewState;
  readonly system: AppState;
  readonly request: ApplyRequest | null;
  readonly plan: ChangePlan | null;
  readonly onChoice: (choice: PersistenceChoice) => void;
  readonly onFileName: (fileName: string) => void;
  readonly onResetRuntime: (reset: boolean) => void;
  readonly onApply: () => void;
  readonly onDiscard: () => void;
  /** A conflict resolution: another file name, or null for /etc/sysctl.conf itself. */
  readonly onResolution: (fileName: string | null) => void;
}

const FILE_ERRORS = new Set([
  'invalid-file-name',
  'target-symlink',
  'target-not-regular',
  'file-not-text',
  'file-too-large',
  'file-unreadable',
]);

/** The pending change in words, how long it should last, and Apply / Discard. */
export function ApplyBar(props: ApplyBarProps) {
  const { view, system, request, plan } = props;
  const fileName = view.fileName ?? system.persistence.suggestedFileName;
  const filePath =
    view.persistTarget === 'sysctl.conf'
      ? '/etc/sysctl.conf'
      : `${system.persistence.directory}/${fileName}`;
  const planError = plan?.error ?? null;
  const fileError = planError && FILE_ERRORS.has(planError.code) ? planError.message : null;
  const otherError = planError && !fileError ? planError : null;
  const lines = request
    ? describeChanges(system, request.values, view.persistence, filePath, view.resetRuntime)
    : [];
  const planMatches = plan !== null && request !== null;
  const canApply = request !== null && planMatches && planError === null && !view.applying;
  return (
    <section className="apply-bar" aria-labelledby="apply-title" aria-busy={view.applying}>
      <h2 id="apply-title">Changes</h2>
      {lines.length > 0 ? (
        <ul className="change-list" data-testid="change-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">
          Flip a switch to prepare a change, or choose “Now and at every boot” to keep the current
          values.
        </p>
      )}
      <PersistenceOptions
        choice={view.persistence}
        fileName={fileName}
        directory={system.persistence.directory}
        fileError={fileError}
        resetRuntime={view.resetRuntime}
        disabled={view.applying}
        onChoice={props.onChoice}
        onFileName={props.onFileName}
        onResetRuntime={props.onResetRuntime}
      />
      {otherError && request ? (
        <p className="inline-error" role="alert" data-testid="plan-error">
          {otherError.message}
        </p>
      ) : null}
      {plan?.file && plan.error === null ? (
        <p className="hint" data-testid="file-action">
          {plan.file.action === 'create'
            ? `${plan.file.path} will be created.`
            : plan.file.action === 'edit'
              ? `${plan.file.path} will be edited; only the lines for these two keys change.`
              : plan.file.action === 'delete'
                ? `${plan.file.path} will be deleted: nothing else is left in it.`
                : `${plan.file.path} already says this; it stays as it is.`}
        </p>
      ) : null}
      {plan && plan.conflicts.length > 0 ? (
        <div className="note warning" role="note" data-testid="conflicts">
          <p>
            <strong>This would not stick at boot.</strong>
          </p>
          <ul>
            {plan.conflicts.map((c) => (
              <li key={`${c.id}-${c.engine}`}>{c.message}</li>
            ))}
          </ul>
          {[...new Map(plan.conflicts.map((c) => [c.suggestion, c])).values()].map((c) => (
            <p key={c.suggestion} className="resolution">
              {c.suggestion}{' '}
              <button
                type="button"
                className="button small"
                disabled={view.applying}
                onClick={() => props.onResolution(c.suggestedFileName)}
              >
                {c.suggestedFileName === null
                  ? 'Use /etc/sysctl.conf'
                  : `Use ${c.suggestedFileName}`}
              </button>
            </p>
          ))}
        </div>
      ) : null}
      {plan && plan.commands.length > 0 ? (
        <details className="commands">
          <summary>Equivalent commands</summary>
          <CommandBlocks blocks={plan.commands} />
        </details>
      ) : null}
      <div className="apply-actions">
        {view.applying ? (
          <span className="busy" role="status">
            Waiting for authentication…
          </span>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={props.onDiscard}
          disabled={view.applying || request === null}
        >
          Discard
        </button>
        <button
          type="button"
          className="button primary"
          onClick={props.onApply}
          disabled={!canApply}
        >
          Apply
        </button>
      </div>
    </section>
  );
}
