import type { SettingState } from '../../../electron/contract';
import { describeRuntime, isOn } from '../words';
import { ToggleSwitch } from './toggle-switch';

export interface SettingRowProps {
  readonly setting: SettingState;
}

/** One setting: its switch (read-only until changes can be applied), value and plain-words status. */
export function SettingRow({ setting }: SettingRowProps) {
  const words = describeRuntime(setting, setting.runtime);
  const statusId = `status-${setting.id}`;
  const explanationId = `explanation-${setting.id}`;
  return (
    <section className={`setting-row tone-${words.tone}`} aria-labelledby={`title-${setting.id}`}>
      <div className="setting-main">
        <div className="setting-text">
          <h2 id={`title-${setting.id}`} className="setting-title">
            {setting.label}
          </h2>
          <p className="setting-key">
            <code>{setting.key}</code>
          </p>
          <p id={explanationId} className="setting-explanation">
            {setting.explanation}
          </p>
        </div>
        <div className="setting-control">
          <span className={`value-badge tone-${words.tone}`} data-testid={`value-${setting.id}`}>
            {words.value}
          </span>
          <ToggleSwitch
            label={`${setting.label} (${setting.family})`}
            checked={isOn(setting.runtime)}
            disabled
            describedBy={`${statusId} ${explanationId}`}
          />
        </div>
      </div>
      <p id={statusId} className="setting-status" data-testid={`status-${setting.id}`}>
        {words.sentence}
      </p>
    </section>
  );
}
