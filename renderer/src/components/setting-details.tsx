import type { PersistenceState, SettingBoot, SettingState } from '../../../electron/contract';
import { BootDetails } from './boot-details';
import type { RemovalSource } from '../state/persistence-choice';
import { SettingHelp } from './setting-help';
import { settingWords } from '../setting-words';

export interface SettingDetailsProps {
  readonly setting: SettingState;
  readonly boot: SettingBoot | undefined;
  readonly persistence: PersistenceState;
  readonly locked: boolean;
  readonly onRemove: (from: RemovalSource) => void;
}

/**
 * The disclosures for one setting, kept after all the controls so the
 * keyboard reaches both switches and Apply first.
 */
export function SettingDetails({
  setting,
  boot,
  persistence,
  locked,
  onRemove,
}: SettingDetailsProps) {
  const words = settingWords(setting.id, setting.key);
  return (
    // Not a landmark: the setting's card above already is one with this name.
    <div className="setting-details">
      <h3>{words.label}</h3>
      <p className="setting-explanation">{words.explanation}</p>
      <SettingHelp family={setting.family} settingKey={setting.key} />
      {boot && setting.runtime.kind !== 'unavailable' ? (
        <BootDetails
          boot={boot}
          settingKey={setting.key}
          persistence={persistence}
          locked={locked}
          onRemove={onRemove}
        />
      ) : null}
    </div>
  );
}
