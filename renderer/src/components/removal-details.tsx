import { Trans, useLingui } from '@lingui/react/macro';
import type { AppState } from '../../../electron/contract';
import { removalPath } from '../state/bar-selectors';
import type { Removal } from '../state/persistence-choice';
import { formatList } from '../i18n/format';
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
  const { t } = useLingui();
  const { from } = removal;
  const file =
    from.kind === 'sysctl-conf'
      ? system.persistence.sysctlConf
      : system.persistence.files.find((f) => f.name === from.fileName);
  const path = removalPath(system, from);
  const settings = system.settings.filter((s) => removal.settings.includes(s.id));
  const keys = new Set(settings.map((s) => s.key));
  const lines = file?.keyLines.filter((l) => keys.has(l.key)) ?? [];
  const labels = formatList(settings.map((s) => settingWords(s.id, s.key).label));
  return (
    <div className="removal" data-testid="removal">
      <p>
        <Trans>These lines of {path} will go:</Trans>
      </p>
      <pre className="removal-lines">
        {lines
          .map(({ line, key, value }) =>
            value === null
              ? t`line ${line}: ${key} (a "-" line with no value)`
              : t`line ${line}: ${key} = ${value}`,
          )
          .join('\n')}
      </pre>
      {file && !file.writtenByApp ? (
        <ForeignFileNote change={t`Only the lines above change; everything else in it stays.`} />
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={removal.resetRuntime}
          disabled={disabled}
          onChange={(e) => onReset(e.target.checked)}
        />
        <Trans>Also turn {labels} off now</Trans>
      </label>
    </div>
  );
}
