import { useState } from 'react';
import { updateThenFocus } from '../focus-after';
import type { ChangePlan } from '../../../electron/contract';
import type { BootTarget, Lasting } from '../state/persistence-choice';
import { withoutSysctlDirectory } from '../state/typed-file-name';

type PersistenceChoice = Lasting['kind'];

export interface PersistenceOptionsProps {
  readonly choice: PersistenceChoice;
  readonly target: BootTarget['kind'];
  readonly fileName: string;
  readonly directory: string;
  readonly fileError: string | null;
  readonly fileAction: NonNullable<ChangePlan['file']>['action'] | null;
  readonly disabled: boolean;
  readonly onChoice: (choice: PersistenceChoice) => void;
  readonly onFileName: (fileName: string) => void;
  readonly onUndoTarget: () => void;
}

const OPTIONS: readonly { value: PersistenceChoice; label: string; hint: string }[] = [
  {
    value: 'persist',
    label: 'Now and at every boot',
    hint: 'Changes the running kernel and writes the value into a sysctl file.',
  },
  {
    value: 'runtime',
    label: 'This session only',
    hint: 'Changes the value now; at the next boot the files decide again.',
  },
];

const ACTION_WORDS = {
  create: 'a new file',
  edit: 'only the lines of these keys change',
  delete: 'deleted: nothing else is left in it',
  unchanged: 'already says this',
} as const;

export const persistenceRadioId = (choice: PersistenceChoice) => `persistence-${choice}`;
/** The line naming the file the change goes into: where focus lands after a fix picks it. */
export const FILE_ACTION_ID = 'file-action';
const FILE_NAME_INPUT_ID = 'file-name-input';

/** Native radio buttons (arrow keys, Tab and screen readers work as everywhere else) and the target file. */
export function PersistenceOptions(props: PersistenceOptionsProps) {
  const [editingName, setEditingName] = useState(false);
  const showInput = editingName || props.fileError !== null;
  return (
    <fieldset className="persistence" disabled={props.disabled}>
      <legend className="visually-hidden">How long should it last?</legend>
      <div className="radio-row">
        {OPTIONS.map((o) => (
          // The hint sits outside the label: it describes the option, it is not its name.
          <div key={o.value} className="radio-option">
            <label className="radio">
              <input
                id={persistenceRadioId(o.value)}
                type="radio"
                name="persistence"
                value={o.value}
                checked={props.choice === o.value}
                aria-describedby={`persistence-hint-${o.value}`}
                onChange={() => props.onChoice(o.value)}
              />
              <strong>{o.label}</strong>
            </label>
          </div>
        ))}
      </div>
      {/* Both hints describe their radio; the chosen one's is shown, so its meaning is on screen. */}
      {OPTIONS.map((o) => (
        <p
          key={o.value}
          id={`persistence-hint-${o.value}`}
          className={props.choice === o.value ? 'hint persistence-hint' : 'visually-hidden'}
          data-testid={props.choice === o.value ? 'persistence-hint' : undefined}
        >
          {o.hint}
        </p>
      ))}
      {props.choice === 'persist' && props.target === 'sysctl-conf' ? (
        <p className="target-line" id={FILE_ACTION_ID} tabIndex={-1} data-testid="file-action">
          Writing into <code>/etc/sysctl.conf</code> (
          <button
            type="button"
            className="link-button"
            // The undo button goes with this line: focus the line that replaces it.
            onClick={() => updateThenFocus(props.onUndoTarget, FILE_ACTION_ID)}
          >
            undo
          </button>
          )
        </p>
      ) : null}
      {props.choice === 'persist' && props.target === 'drop-in' ? (
        <div className="target-line">
          <span id={FILE_ACTION_ID} tabIndex={-1} data-testid="file-action">
            {/* A name the rule refuses makes no path: the error beside the field says why. */}
            File:{' '}
            {props.fileError ? (
              'none until the name below is accepted'
            ) : (
              <code className="file-path">{`${props.directory}/${props.fileName}`}</code>
            )}
            {props.fileAction ? ` (${ACTION_WORDS[props.fileAction]})` : null}
          </span>{' '}
          {!showInput ? (
            <button
              type="button"
              className="link-button"
              // The button gives way to the field: the typing goes there.
              onClick={() => updateThenFocus(() => setEditingName(true), FILE_NAME_INPUT_ID)}
            >
              change file name
            </button>
          ) : null}
          {showInput ? (
            <div className="file-name">
              <label htmlFor={FILE_NAME_INPUT_ID}>File in {props.directory}/</label>
              <input
                id={FILE_NAME_INPUT_ID}
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={props.fileName}
                aria-invalid={props.fileError !== null}
                aria-describedby={props.fileError ? 'file-name-error' : undefined}
                onChange={(e) => props.onFileName(withoutSysctlDirectory(e.target.value))}
              />
              {props.fileError ? (
                <p id="file-name-error" className="inline-error" role="alert">
                  {props.fileError}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
