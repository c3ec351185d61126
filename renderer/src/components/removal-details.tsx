import type { AppState } from '../../../electron/contract';
import { removalPath } from '../state/bar-selectors';
import type { Removal } from '../state/persistence-choice';
import { ForeignFileNote } from './foreign-file-note';
import { settingWords } from '../setting-words';

export interface RemovalDetailsProps {
  readonly system: AppState;
  readonly removal: Removal;
  readonly disabled: boolean;
  readonly onReset: (reset: boolean) => void;
}

/** "Remove from FILE": the lines that will go, whose file it is, and the runtime choice. */
export function RemovalDetails({ system, removal, disabled, onReset }: RemovalDetailsProps) {
  const { from } = removal;
  const file =
    from.kind === 'sysctl-conf'
      ? system.persistence.sysctlConf
      : system.persistence.files.find((f) => f.name === from.fileName);
  const path = removalPath(system, from);
  const settings = system.settings.filter((s) => removal.settings.includes(s.id));
  const keys = new Set(settings.map((s) => s.key));
  const lines = file?.keyLines.filter((l) => keys.has(l.key)) ?? [];
  const labels = settings.map((s) => settingWords(s.id, s.key).label).join(' and ');
  return (
    <div className="removal" data-testid="removal">
      <p>These lines of {path} will go:</p>
      <pre className="removal-lines">
        {lines
          .map(
            (l) =>
              `line ${l.line}: ${l.key}${l.value === null ? ' (a "-" line with no value)' : ` = ${l.value}`}`,
          )
          .join('\n')}
      </pre>
      {file && !file.writtenByApp ? (
        <ForeignFileNote
          path="this file"
          change="Only the lines above change; everything else in it stays."
        />
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={removal.resetRuntime}
          disabled={disabled}
          onChange={(e) => onReset(e.target.checked)}
        />
        Also turn {labels} off now
      </label>
    </div>
  );
}
