import { Trans } from '@lingui/react/macro';
import type { AppState } from '../../../electron/contract';
import { lastingOf } from '../state/persistence-choice';
import type { ViewState } from '../state/view-state';
import { settingWords } from '../setting-words';

/**
 * "Turn it off now" with no file keeping a value chooses "This session only" by itself:
 * the bar says so, and why, rather than switch the duration silently.
 */
export function SessionOnlyNote({ view, system }: { view: ViewState; system: AppState }) {
  const id = view.sessionOnlyFor;
  const setting = system.settings.find((s) => s.id === id);
  if (!setting || lastingOf(view.persistence).kind !== 'runtime') return null;
  const label = settingWords(setting.id, setting.key).label;
  // One whole sentence per value: "on" and "off" are not spliced into a translated sentence.
  return (
    <p className="hint" data-testid="session-only-why">
      {view.pending[setting.id] === 1 ? (
        <Trans comment="“This session only” is the label of the duration choice in the apply bar">
          “This session only” is chosen for {label}: no file sets it, so the kernel starts with it
          on at every boot anyway, and no file needs writing.
        </Trans>
      ) : (
        <Trans comment="“This session only” is the label of the duration choice in the apply bar">
          “This session only” is chosen for {label}: no file sets it, so the kernel starts with it
          off at every boot anyway, and no file needs writing.
        </Trans>
      )}
    </p>
  );
}
