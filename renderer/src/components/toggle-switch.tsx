export interface ToggleSwitchProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  /** Drawn in the pending style: the position is wanted, not yet the kernel's. */
  readonly pending?: boolean;
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
