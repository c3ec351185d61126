import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import type { ReadOnlyProcSys, RuntimeValue, SettingState } from '../../../electron/contract';
import { ReadOnlyProcLine } from './read-only-proc-line';
import { describeRuntime } from '../words';
import { ToggleSwitch } from './toggle-switch';
import { settingWords } from '../setting-words';

export interface SettingRowProps {
  readonly setting: SettingState;
  /** The value the user wants but has not applied yet. */
  readonly pending: RuntimeValue | undefined;
  /** True while an Apply waits for authentication. */
  readonly locked: boolean;
  /**
   * /proc/sys is read-only here (a container): the card says so under its status, and the
   * switch is described by that line too, so the bar that a pending change opens keeps it
   * in view (use-bar-height.ts) next to its disabled Apply and the same reason.
   */
  readonly readOnlyProc: ReadOnlyProcSys | null;
  readonly onToggle: () => void;
  /** Boot-time line and one-click fixes shown under the status line. */
  readonly children?: ReactNode;
}

/** "Off → On (pending)": the kernel's value, then the one waiting for Apply. */
function PendingValue({
  now,
  wanted,
  id,
}: {
  readonly now: string;
  readonly wanted: RuntimeValue;
  readonly id: SettingState['id'];
}) {
  const { t } = useLingui();
  const next =
    wanted === 1
      ? t({ message: 'On', comment: 'state of a kernel setting' })
      : t({ message: 'Off', comment: 'state of a kernel setting' });
  return (
    <>
      <Trans comment="now: the kernel's value; next: the value waiting for Apply">
        {now} → {next}
      </Trans>{' '}
      <span className="pending-tag" data-testid={`pending-${id}`}>
        <Trans comment="a value waits for Apply">(pending)</Trans>
      </span>
    </>
  );
}

/** The switch's element id, so focus can be put back on it after Done or Discard. */
export const switchId = (id: SettingState['id']) => `switch-${id}`;

/**
 * One setting: its switch, the value the kernel uses, and what that means in
 * plain words. A pending change is drawn apart from the kernel's value, so
 * "is it on?" has one answer: the kernel's, until Apply.
 */
export function SettingRow({
  setting,
  pending,
  locked,
  readOnlyProc,
  onToggle,
  children,
}: SettingRowProps) {
  const { t } = useLingui();
  const words = describeRuntime(setting, setting.runtime);
  const statusId = `status-${setting.id}`;
  const valueId = `value-${setting.id}`;
  const readOnlyId = `readonly-${setting.id}`;
  // The kernel's value as the backend interprets it (`effective`): without a number to read
  // (missing, unreadable, or text like "abc") there is nothing a toggle could start from.
  const changeable = setting.effective !== null;
  // Assistive technology hears the kernel's value; the pending one is in the description.
  const checked = setting.effective === 1;
  const label = settingWords(setting.id, setting.key).label;
  // What the kernel keeps while a change is pending: said once, not as "now: Off: …".
  const sentence = words.sentence.replace(/\.$/, '');
  const status = pending !== undefined ? t`${sentence} (until you apply).` : words.sentence;
  return (
    <section
      className={`setting-row tone-${words.tone}${pending !== undefined ? ' is-pending' : ''}`}
      aria-labelledby={`title-${setting.id}`}
    >
      <div className="setting-main">
        <div className="setting-text">
          <h2 id={`title-${setting.id}`} className="setting-title">
            {label}
          </h2>
          <p className="setting-key">
            <code>{setting.key}</code>
          </p>
        </div>
        <div className="setting-control">
          <span
            id={valueId}
            className={`value-badge tone-${words.tone}`}
            data-testid={`value-${setting.id}`}
          >
            {pending !== undefined ? (
              <PendingValue now={words.value} wanted={pending} id={setting.id} />
            ) : (
              words.value
            )}
          </span>
          <ToggleSwitch
            id={switchId(setting.id)}
            label={label}
            checked={checked}
            pending={pending !== undefined}
            wanted={pending === 1}
            disabled={!changeable || locked}
            // While pending, "Off → On (pending)" is read first: the switch's position is only wanted.
            describedBy={[
              pending !== undefined ? valueId : null,
              statusId,
              readOnlyProc ? readOnlyId : null,
            ]
              .filter((id) => id !== null)
              .join(' ')}
            onToggle={onToggle}
          />
        </div>
      </div>
      <p id={statusId} className="setting-status" data-testid={`status-${setting.id}`}>
        {status}
      </p>
      {readOnlyProc ? <ReadOnlyProcLine id={readOnlyId} readOnly={readOnlyProc} /> : null}
      {children}
    </section>
  );
}
