import type { BootState, SettingState } from '../../contract';
import { computeBootState } from '../boot-state';
import { SETTINGS } from '../settings';
import type { SysctlSnapshot } from '../sysctl-snapshot';

/** What a node will have at boot, and has now, as one prediction. */
export interface NodePrediction {
  readonly settings: readonly SettingState[];
  readonly boot: BootState;
}

/**
 * The runtime values and the boot value under both engines, from a snapshot
 * alone: the same boot model (electron/system/engines) this computer uses on
 * its own snapshot, so a node and this computer are predicted alike.
 */
export function predictFromSnapshot(snapshot: SysctlSnapshot): NodePrediction {
  const settings: SettingState[] = SETTINGS.map((s) => ({
    id: s.id,
    key: s.key,
    procPath: s.procPath,
    family: s.family,
    label: s.label,
    explanation: s.explanation,
    runtime: snapshot.runtime[s.id],
  }));
  return { settings, boot: computeBootState(snapshot, settings) };
}
