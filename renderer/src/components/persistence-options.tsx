import type { PersistenceChoice } from '../state/app-reducer';

export interface PersistenceOptionsProps {
  readonly choice: PersistenceChoice;
  readonly fileName: string;
  readonly directory: string;
  readonly fileError: string | null;
  readonly resetRuntime: boolean;
  readonly disabled: boolean;
  readonly onChoice: (choice: PersistenceChoice) => void;
  readonly onFileName: (fileName: string) => void;
  readonly onResetRuntime: (reset: boolean) => void;
}

const OPTIONS: readonly { value: PersistenceChoice; label: string; hint: string }[] = [
  {
    value: 'runtime',
    label: 'This session only',
    hint: 'Changes the running kernel; a reboot brings back the old value.',
  },
  {
    value: 'persist',
    label: 'Now and at every boot',
    hint: 'Also writes the setting into a file in /etc/sysctl.d/.',
  },
  { value: 'unpersist', label: 'Stop persisting', hint: 'Removes the app’s lines from that file.' },
];

/** Native radio buttons, so arrow keys, Tab and screen readers work as everywhere else. */
export function PersistenceOptions(props: PersistenceOptionsProps) {
  const showFile = props.choice !== 'runtime';
  return (
    <fieldset className="persistence" disabled={props.disabled}>
      <legend>How long should it last?</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name="persistence"
            value={o.value}
            checked={props.choice === o.value}
            onChange={() => props.onChoice(o.value)}
          />
          <span>
            <strong>{o.label}</strong> <span className="hint">{o.hint}</span>
          </span>
        </label>
      ))}
      {showFile ? (
        <div className="file-name">
          <label htmlFor="file-name-input">File in {props.directory}/</label>
          <input
            id="file-name-input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={props.fileName}
            aria-invalid={props.fileError !== null}
            aria-describedby={props.fileError ? 'file-name-error' : undefined}
            onChange={(e) => props.onFileName(e.target.value)}
          />
          {props.fileError ? (
            <p id="file-name-error" className="inline-error" role="alert">
              {props.fileError}
            </p>
          ) : null}
        </div>
      ) : null}
      {props.choice === 'unpersist' ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={props.resetRuntime}
            onChange={(e) => props.onResetRuntime(e.target.checked)}
          />
          Also turn both settings off now (set the running value to 0)
        </label>
      ) : null}
    </fieldset>
  );
}
