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

const word = (v: RuntimeValue) => (v === 1 ? 'on' : 'off');

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
  // A setting the kernel does not have is explained by the status line alone.
  if (now === null) return null;
  // A pending switch change is what Apply writes for boot, so the fixes name that value:
  // a button offering the running value would contradict the change in the bar.
  const wanted = pending ?? now;
  return (
    <div className="boot-summary">
      <p className="boot-line" data-testid={`boot-line-${setting.id}`}>
        {describeBootLine(word(now), boot)}
        {keptAtBoot ? (
          <span className="pending-tag" data-testid={`boot-pending-${setting.id}`}>
            {' '}
            {fixLine ? `→ pending: ${fixLine}` : `→ ${word(wanted)} at every boot (pending)`}
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
              The fix waits in the bar: {fixLine}.
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
              Make both keep it {word(wanted)}
            </button>
          </div>
        </div>
      ) : null}
      {boot.drift && boot.bootValue !== null ? (
        <div className="note drift" role="note" data-testid={`drift-${setting.id}`}>
          <p>{describeDrift(now, boot)}</p>
          {pending !== undefined ? (
            <p className="hint" data-testid={`drift-waiting-${setting.id}`}>
              Waiting in the bar: it turns {word(pending)} when you click Apply.
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
                  Keep it {word(now)} at every boot
                </button>
              )}
              <button
                type="button"
                className="button small"
                disabled={locked}
                onClick={() => onSetNow(boot.bootValue ?? 0)}
              >
                Turn it {word(boot.bootValue)} now
              </button>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
