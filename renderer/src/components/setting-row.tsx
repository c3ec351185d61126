import type { ReactNode } from 'react';
import type { RuntimeValue, SettingState } from '../../../electron/contract';
import { describeRuntime, isOn } from '../words';
import { ToggleSwitch } from './toggle-switch';

export interface SettingRowProps {
  readonly setting: SettingState;
  /** The value the user wants but has not applied yet. */
  readonly pending: RuntimeValue | undefined;
  /** True while an Apply waits for authentication. */
  readonly locked: boolean;
  readonly onToggle: () => void;
  /** Boot-time details shown under the status line. */
  readonly children?: ReactNode;
}

/** One setting: its switch, the value read from the kernel, and what that means in plain words. */
export function SettingRow({ setting, pending, locked, onToggle, children }: SettingRowProps) {
  const words = describeRuntime(setting, setting.runtime);
  const statusId = `status-${setting.id}`;
  const explanationId = `explanation-${setting.id}`;
  const changeable = setting.runtime.kind !== 'unavailable';
  const checked = pending !== undefined ? pending === 1 : isOn(setting.runtime);
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
            checked={checked}
            disabled={!changeable || locked}
            describedBy={`${statusId} ${explanationId}`}
            onToggle={onToggle}
          />
        </div>
      </div>
      <p id={statusId} className="setting-status" data-testid={`status-${setting.id}`}>
        {words.sentence}
      </p>
      {pending !== undefined ? (
        <p className="pending-note" data-testid={`pending-${setting.id}`}>
          Pending: turns {pending === 1 ? 'on' : 'off'} when you apply.
        </p>
      ) : null}
      {children}
    </section>
  );
}
