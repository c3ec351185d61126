export interface ToggleSwitchProps {
  readonly id: string;
  readonly label: string;
  /** The kernel's value: what assistive technology is told the switch is. */
  readonly checked: boolean;
  /**
   * A value waits for Apply: drawn as the switch's position (`wanted`) in the pending
   * colour, while the description (describedBy) says "pending".
   */
  readonly pending?: boolean;
  readonly wanted?: boolean;
  readonly disabled: boolean;
  readonly describedBy?: string;
  readonly onToggle?: () => void;
}

/** A real button with role="switch", so screen readers and keyboards get native behaviour. */
export function ToggleSwitch({
  id,
  label,
  checked,
  pending = false,
  wanted = checked,
  disabled,
  describedBy,
  onToggle,
}: ToggleSwitchProps) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      className={pending ? 'switch pending' : 'switch'}
      data-position={(pending ? wanted : checked) ? 'on' : 'off'}
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onToggle}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
    </button>
  );
}
