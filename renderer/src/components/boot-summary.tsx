import type { RuntimeValue, SettingBoot, SettingState } from '../../../electron/contract';
import { describeBootLine, describeDisagreement, describeDrift } from '../boot-words';
import { BootDetails } from './boot-details';

export interface BootSummaryProps {
  readonly setting: SettingState;
  readonly boot: SettingBoot;
  readonly now: RuntimeValue | null;
  readonly locked: boolean;
  readonly onKeepAtBoot: () => void;
  readonly onRestoreBootValue: (value: RuntimeValue) => void;
}

/** Now vs. at boot, which file decides, engine disagreement and drift with one-click fixes. */
export function BootSummary({
  setting,
  boot,
  now,
  locked,
  onKeepAtBoot,
  onRestoreBootValue,
}: BootSummaryProps) {
  const nowWord = now === 1 ? 'on' : now === 0 ? 'off' : 'unknown';
  return (
    <div className="boot-summary">
      <p className="boot-line" data-testid={`boot-line-${setting.id}`}>
        {describeBootLine(nowWord, boot)}
      </p>
      {boot.enginesDisagree ? (
        <p className="note warning" role="note" data-testid={`disagree-${setting.id}`}>
          {describeDisagreement(boot)}
        </p>
      ) : null}
      {boot.drift && now !== null && boot.bootValue !== null ? (
        <div className="note drift" data-testid={`drift-${setting.id}`}>
          <p>{describeDrift(now, boot)}</p>
          <div className="drift-actions">
            <button type="button" className="button small" disabled={locked} onClick={onKeepAtBoot}>
              Keep the current value at boot
            </button>
            <button
              type="button"
              className="button small"
              disabled={locked}
              onClick={() => onRestoreBootValue(boot.bootValue ?? 0)}
            >
              Restore the boot value now
            </button>
          </div>
        </div>
      ) : null}
      <BootDetails boot={boot} settingKey={setting.key} />
    </div>
  );
}
