import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import type { AppState } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { idleKeeps, waitingReason } from '../state/apply-request';
import type { ViewState } from '../state/view-state';
import { settingWords } from '../setting-words';

type Reason = NonNullable<ReturnType<typeof waitingReason>>;

/** Why a chosen change waits, as one sentence about the setting (called while rendering). */
function waitingWords(label: string, reason: Reason): string {
  return reason === 'removal'
    ? t`${label} waits behind the removal: Apply removes the lines on their own first; apply this change after that.`
    : t`${label} does not conflict and stays pending: apply it on its own afterwards.`;
}

/**
 * Chosen changes the next Apply will not carry, each with the reason, so nothing the user
 * clicked disappears from the bar without a word.
 */
export function WaitingNotes({ view, system }: { view: ViewState; system: AppState }) {
  const idle = system.settings.filter((s) => idleKeeps(view).includes(s.id));
  const waiting = system.settings.flatMap((s) => {
    const reason = waitingReason(view, s.id);
    return reason ? [{ label: settingWords(s.id, s.key).label, reason }] : [];
  });
  if (idle.length === 0 && waiting.length === 0) return null;
  const labels = formatList(idle.map((s) => settingWords(s.id, s.key).label));
  return (
    <>
      {idle.length > 0 ? (
        <p className="note" role="note" data-testid="idle-keeps">
          <Trans comment="“Now and at every boot” and Discard name controls of the apply bar">
            Keeping {labels} at every boot has nothing to do for this session only: the kernel
            already has that value now. Choose “Now and at every boot” to keep it, or Discard.
          </Trans>
        </p>
      ) : null}
      {waiting.map((w) => (
        <p key={w.label} className="hint" data-testid="left-out">
          {waitingWords(w.label, w.reason)}
        </p>
      ))}
    </>
  );
}
