import type {
  BootState,
  RuntimeReading,
  RuntimeValue,
  SettingId,
  SettingState,
} from '../../contract';
import { computeBootState } from '../boot-state';
import { settingState } from '../runtime';
import { SETTINGS, type Catalogue } from '../settings';
import type { SysctlSnapshot } from '../sysctl-snapshot';

/** A snapshot from another catalogue has no reading of this setting. */
const NOT_READ: RuntimeReading = { kind: 'unavailable', reason: 'read-error', detail: 'not read' };

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
export function predictFromSnapshot(
  snapshot: SysctlSnapshot,
  catalogue: Catalogue = SETTINGS,
): NodePrediction {
  const settings: SettingState[] = catalogue.map((s) =>
    settingState(s, snapshot.runtime[s.id] ?? NOT_READ),
  );
  return { settings, boot: computeBootState(snapshot, settings, catalogue) };
}

/**
 * The value a machine runs with now, as the pair view compares and copies it: the one
 * interpretation (effectiveValue). An unreadable value is null, so it is neither reported
 * as a difference nor copied to another machine.
 */
export function runningValue(p: NodePrediction, id: SettingId): RuntimeValue | null {
  return p.settings.find((s) => s.id === id)?.effective ?? null;
}
