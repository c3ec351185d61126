import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { updateThenFocus } from '../focus-after';
import { SYSCTL_CONF_PATH, type ApiError, type ChangePlan } from '../../../electron/contract';
import { errorWords } from '../error-words';
import type { BootTarget, Lasting } from '../state/persistence-choice';
import { withoutSysctlDirectory } from '../state/typed-file-name';

type PersistenceChoice = Lasting['kind'];

export interface PersistenceOptionsProps {
  readonly choice: PersistenceChoice;
  readonly target: BootTarget['kind'];
  readonly fileName: string;
  readonly directory: string;
  /** The plan's error about the file name, worded beside the field. */
  readonly fileError: ApiError | null;
  readonly fileAction: NonNullable<ChangePlan['file']>['action'] | null;
  readonly disabled: boolean;
  readonly onChoice: (choice: PersistenceChoice) => void;
  readonly onFileName: (fileName: string) => void;
  readonly onUndoTarget: () => void;
}

const OPTIONS: readonly {
  value: PersistenceChoice;
  label: MessageDescriptor;
  hint: MessageDescriptor;
}[] = [
  {
    value: 'persist',
    label: msg({ message: 'Now and at every boot', comment: 'how long a change lasts' }),
    hint: msg`Changes the running kernel and writes the value into a sysctl file.`,
  },
  {
    value: 'runtime',
    label: msg({ message: 'This session only', comment: 'how long a change lasts' }),
    hint: msg`Changes the value now; at the next boot the files decide again.`,
  },
];

/** What happens to the file, after its path: "File: /etc/sysctl.d/x.conf (a new file)". */
const ACTION_WORDS = {
  create: msg({ message: '(a new file)', comment: 'what Apply does to the file named before' }),
  edit: msg({
    message: '(only the lines of these keys change)',
    comment: 'what Apply does to the file named before',
  }),
  delete: msg({
    message: '(deleted: nothing else is left in it)',
    comment: 'what Apply does to the file named before',
  }),
  unchanged: msg({
    message: '(already says this)',
    comment: 'what Apply does to the file named before',
  }),
} as const;

export const persistenceRadioId = (choice: PersistenceChoice) => `persistence-${choice}`;
/** The line naming the file the change goes into: where focus lands after a fix picks it. */
export const FILE_ACTION_ID = 'file-action';
const FILE_NAME_INPUT_ID = 'file-name-input';

/** Native radio buttons (arrow keys, Tab and screen readers work as everywhere else) and the target file. */
export function PersistenceOptions(props: PersistenceOptionsProps) {
  const { t, i18n } = useLingui();
  const [editingName, setEditingName] = useState(false);
  const showInput = editingName || props.fileError !== null;
  const sysctlConf = SYSCTL_CONF_PATH;
  const { directory } = props;
  const filePath = `${directory}/${props.fileName}`;
  return (
    <fieldset className="persistence" disabled={props.disabled}>
      <legend className="visually-hidden">
        <Trans>How long should it last?</Trans>
      </legend>
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
              <strong>{i18n._(o.label)}</strong>
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
          {i18n._(o.hint)}
        </p>
      ))}
      {props.choice === 'persist' && props.target === 'sysctl-conf' ? (
        <p className="target-line" id={FILE_ACTION_ID} tabIndex={-1} data-testid="file-action">
          <Trans comment="undo: a link-like button that takes the choice of this file back">
            Writing into <code>{sysctlConf}</code> (
            <button
              type="button"
              className="link-button"
              // The undo button goes with this line: focus the line that replaces it.
              onClick={() => updateThenFocus(props.onUndoTarget, FILE_ACTION_ID)}
            >
              undo
            </button>
            )
          </Trans>
        </p>
      ) : null}
      {props.choice === 'persist' && props.target === 'drop-in' ? (
        <div className="target-line">
          <span id={FILE_ACTION_ID} tabIndex={-1} data-testid="file-action">
            {/* A name the rule refuses makes no path: the error beside the field says why. */}
            {props.fileError ? (
              t`File: none until the name below is accepted`
            ) : (
              <Trans>
                File: <code className="file-path">{filePath}</code>
              </Trans>
            )}
            {props.fileAction ? ` ${i18n._(ACTION_WORDS[props.fileAction])}` : null}
          </span>{' '}
          {!showInput ? (
            <button
              type="button"
              className="link-button"
              // The button gives way to the field: the typing goes there.
              onClick={() => updateThenFocus(() => setEditingName(true), FILE_NAME_INPUT_ID)}
            >
              <Trans>change file name</Trans>
            </button>
          ) : null}
          {showInput ? (
            <div className="file-name">
              <label htmlFor={FILE_NAME_INPUT_ID}>
                <Trans>File in {directory}/</Trans>
              </label>
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
                  {errorWords(props.fileError)}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
