import type {
  ApiError,
  AppState,
  BootConflict,
  ApplyRequest,
  ChangePlan,
  RuntimeValue,
  SettingBoot,
  SettingId,
} from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import { errorPlace } from '../error-words';
import { applyBlock, type ApplyBlock } from './apply-block';
import { hasPendingChange } from './apply-request';
import { pendingChanges, type PendingChange } from './pending-changes';
import { dropInOf, lastingOf, type RemovalSource } from './persistence-choice';
import { suggestedFileName } from './selectors';
import type { ViewState } from './view-state';

/** The full path of the file a removal takes lines out of. */
export function removalPath(system: AppState, from: RemovalSource): string {
  return from.kind === 'sysctl-conf'
    ? SYSCTL_CONF_PATH
    : `${system.persistence.directory}/${from.fileName}`;
}

/** A value "this session only" sets that the next restart changes back (boot-words.ts words it). */
export interface LostAtRestart {
  readonly id: SettingId;
  readonly key: string;
  /** The value the next boot sets instead of the wanted one. */
  readonly after: RuntimeValue;
  readonly boot: SettingBoot;
}

/** Settings the chosen option leaves with a different value after a restart. */
function lostAtRestart(system: AppState, request: ApplyRequest): LostAtRestart[] {
  if (request.persistence.kind !== 'runtime') return [];
  return system.settings.flatMap((s) => {
    const wanted = request.values[s.id];
    const boot = system.boot.settings.find((b) => b.id === s.id);
    if (wanted === undefined || !boot) return [];
    // Unknown at boot, or the same as wanted: nothing is lost.
    if (boot.bootValue === null || boot.bootValue === wanted) return [];
    return [{ id: s.id, key: s.key, after: boot.bootValue, boot }];
  });
}

/** One conflict fix the plan offers: a file (null: /etc/sysctl.conf) for these settings. */
export interface ConflictFix {
  readonly fix: BootConflict['fix'];
  readonly fileName: string | null;
  readonly ids: readonly SettingId[];
}

/** The plan's conflict fixes, once per suggestion, each with every setting it settles. */
export function conflictFixes(plan: ChangePlan | null): ConflictFix[] {
  const conflicts = plan?.conflicts ?? [];
  const once = [...new Map(conflicts.map((c) => [JSON.stringify(c.fix), c])).values()];
  return once.map((c) => ({
    fix: c.fix,
    fileName: c.suggestedFileName,
    ids: [
      ...new Set(
        conflicts.filter((o) => o.suggestedFileName === c.suggestedFileName).map((o) => o.id),
      ),
    ],
  }));
}

/** Everything the apply bar shows that follows from the state, the request and its plan. */
export interface BarFacts {
  /** Something the user chose waits, even when Apply has nothing to do for it. */
  readonly shown: boolean;
  readonly canApply: boolean;
  /** Why Apply is off although a change waits (apply-block.ts); null when it may run. */
  readonly block: ApplyBlock | null;
  /** The plan of the current request is still being worked out. */
  readonly checking: boolean;
  /** One line per change, worded at render ("IPv4 non-local bind: Off → On"). */
  readonly changes: readonly PendingChange[];
  readonly lost: readonly LostAtRestart[];
  /** A plan error about the file name, shown at its field (worded at render). */
  readonly fileError: ApiError | null;
  readonly otherError: ApiError | null;
  readonly fileAction: NonNullable<ChangePlan['file']>['action'] | null;
  /** The file name in /etc/sysctl.d shown and edited. */
  readonly fileName: string;
  readonly lasting: 'runtime' | 'persist';
  readonly boot: 'drop-in' | 'sysctl-conf';
}

export function barFacts(
  view: ViewState,
  system: AppState,
  request: ApplyRequest | null,
  plan: ChangePlan | null,
): BarFacts {
  const planError = plan?.error ?? null;
  const fileError = planError && errorPlace(planError.code) === 'file-field' ? planError : null;
  const lasting = lastingOf(view.persistence);
  const block = applyBlock(system, request, plan);
  return {
    shown: request !== null || hasPendingChange(view),
    canApply:
      request !== null && plan !== null && planError === null && !view.applying && block === null,
    block,
    checking: request !== null && plan === null && !view.applying,
    changes: request ? pendingChanges(system, request) : [],
    lost: request ? lostAtRestart(system, request) : [],
    fileError,
    otherError: planError && !fileError ? planError : null,
    fileAction: plan?.error === null ? (plan.file?.action ?? null) : null,
    fileName: dropInOf(view.persistence).name ?? suggestedFileName(system.persistence, []),
    lasting: lasting.kind,
    boot: lasting.boot.kind,
  };
}
