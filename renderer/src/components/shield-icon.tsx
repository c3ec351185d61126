/** The administrator-rights mark used on buttons that ask for a password. */
export function ShieldIcon() {
  return (
    <svg className="shield-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d="M8 1 2.5 3v4.2c0 3.4 2.3 6.4 5.5 7.8 3.2-1.4 5.5-4.4 5.5-7.8V3L8 1z"
        fill="currentColor"
      />
    </svg>
  );
}
