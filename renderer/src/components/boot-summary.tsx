import { Trans, useLingui } from '@lingui/react/macro';
import type { RuntimeValue, SettingBoot, SettingState } from '../../../electron/contract';
import { describeBootLine, describeDisagreement, describeDrift } from '../boot-words';
import { InlineCode } from './inline-code';

export interface BootSummaryProps {
  readonly setting: SettingState;
  readonly boot: SettingBoot;
  readonly now: RuntimeValue | null;
  /** The switch change waiting in the bar for this setting, if any. */
  readonly pending: RuntimeValue | undefined;
  /** "Keep it at every boot" is chosen and waits for Apply. */
  readonly keptAtBoot: boolean;
  /** The exact line the kept value changes, in words ("line 3 of /etc/sysctl.conf: 0 → 1"). */
  readonly fixLine: string | null;
  readonly locked: boolean;
  readonly onKeepAtBoot: () => void;
  readonly onSetNow: (value: RuntimeValue) => void;
  /** Make both engines agree on the running value: write it into /etc/sysctl.conf. */
  readonly onMakeEnginesAgree: () => void;
}

/** The engines' disagreement note, which takes the focus once its fix waits in the bar. */
export const disagreeNoteId = (id: SettingState['id']) => `disagree-${id}`;

/** Now vs. after a restart, engine disagreement and drift, each with its one-click fix. */
export function BootSummary({
  setting,
  boot,
  now,
  pending,
  keptAtBoot,
  fixLine,
  locked,
  onKeepAtBoot,
  onSetNow,
  onMakeEnginesAgree,
}: BootSummaryProps) {
  const { t } = useLingui();
  // A setting the kernel does not have is explained by the status line alone.
  if (now === null) return null;
  const nowWord =
    now === 1
      ? t({ message: 'on', comment: 'the value a setting has now' })
      : t({ message: 'off', comment: 'the value a setting has now' });
  // A pending switch change is what Apply writes for boot, so the fixes name that value:
  // a button offering the running value would contradict the change in the bar.
  const wanted = pending ?? now;
  return (
    <div className="boot-summary">
      <p className="boot-line" data-testid={`boot-line-${setting.id}`}>
        {describeBootLine(nowWord, boot)}
        {keptAtBoot ? (
          <span className="pending-tag" data-testid={`boot-pending-${setting.id}`}>
            {' '}
            {fixLine
              ? t`→ pending: ${fixLine}`
              : wanted === 1
                ? t`→ on at every boot (pending)`
                : t`→ off at every boot (pending)`}
          </span>
        ) : null}
      </p>
      {boot.enginesDisagree ? (
        <div
          className="note warning"
          role="note"
          id={disagreeNoteId(setting.id)}
          // The fix's result: focus lands here, so the bar that appears never covers it.
          tabIndex={-1}
          data-testid={`disagree-${setting.id}`}
        >
          <p>
            <InlineCode text={describeDisagreement(boot)} />
          </p>
          {keptAtBoot && fixLine ? (
            <p className="fix-line" data-testid={`fix-waiting-${setting.id}`}>
              <Trans>The fix waits in the bar: {fixLine}.</Trans>
            </p>
          ) : null}
          <div className="note-actions">
            <button
              type="button"
              className="button small"
              // Chosen already: it waits in the bar, where undo takes it back.
              disabled={locked || (keptAtBoot && fixLine !== null)}
              onClick={onMakeEnginesAgree}
            >
              {wanted === 1 ? (
                <Trans comment="both: the two ways of loading sysctl files at boot">
                  Make both keep it on
                </Trans>
              ) : (
                <Trans comment="both: the two ways of loading sysctl files at boot">
                  Make both keep it off
                </Trans>
              )}
            </button>
          </div>
        </div>
      ) : null}
      {boot.drift && boot.bootValue !== null ? (
        <div className="note drift" role="note" data-testid={`drift-${setting.id}`}>
          <p>{describeDrift(now, boot)}</p>
          {pending !== undefined ? (
            <p className="hint" data-testid={`drift-waiting-${setting.id}`}>
              {pending === 1 ? (
                <Trans>Waiting in the bar: it turns on when you click Apply.</Trans>
              ) : (
                <Trans>Waiting in the bar: it turns off when you click Apply.</Trans>
              )}
            </p>
          ) : (
            <div className="note-actions">
              {keptAtBoot ? null : (
                <button
                  type="button"
                  className="button small"
                  disabled={locked}
                  onClick={onKeepAtBoot}
                >
                  {now === 1 ? (
                    <Trans>Keep it on at every boot</Trans>
                  ) : (
                    <Trans>Keep it off at every boot</Trans>
                  )}
                </button>
              )}
              <button
                type="button"
                className="button small"
                disabled={locked}
                onClick={() => onSetNow(boot.bootValue ?? 0)}
              >
                {boot.bootValue === 1 ? (
                  <Trans>Turn it on now</Trans>
                ) : (
                  <Trans>Turn it off now</Trans>
                )}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
