import { Trans } from '@lingui/react/macro';
import type { AppState, SettingId } from '../../electron/contract';
import { BindTestPanel, type BindTestPanelProps } from './components/bind-test-panel';
import { DiagnosticsPanel } from './components/diagnostics-panel';
import { ReaderProblems } from './components/reader-problems';
import { SettingDetails } from './components/setting-details';
import { VipPanel } from './components/vip-panel';
import type { RemovalSource } from './state/persistence-choice';

export interface LowerPanelsProps {
  readonly system: AppState;
  readonly locked: boolean;
  /** A removal chosen in one setting's details (the app notes the setting that changed). */
  readonly onRemove: (id: SettingId, from: RemovalSource) => void;
  readonly appliedCount: BindTestPanelProps['appliedCount'];
  readonly fixFor: BindTestPanelProps['fixFor'];
}

/**
 * Everything the main page shows below the switches and the bar: the settings' details,
 * the bind test, the VIP check and the diagnostics. None of it is in view at first paint,
 * so app.tsx loads this module as a chunk of its own once the page has painted.
 */
export function LowerPanels({ system, locked, onRemove, appliedCount, fixFor }: LowerPanelsProps) {
  return (
    <>
      <div className="details-area">
        <h2 className="section-title">
          <Trans>About these settings</Trans>
        </h2>
        <ReaderProblems problems={system.boot.problems} />
        {system.settings.map((setting) => (
          <SettingDetails
            key={setting.id}
            setting={setting}
            boot={system.boot.settings.find((b) => b.id === setting.id)}
            persistence={system.persistence}
            locked={locked}
            onRemove={(from) => onRemove(setting.id, from)}
          />
        ))}
      </div>
      <BindTestPanel appliedCount={appliedCount} fixFor={fixFor} />
      <VipPanel />
      <DiagnosticsPanel />
    </>
  );
}
