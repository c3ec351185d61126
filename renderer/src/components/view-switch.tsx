export type Page = 'this' | 'nodes';

const PAGES: readonly { readonly page: Page; readonly label: string }[] = [
  { page: 'this', label: 'This computer' },
  { page: 'nodes', label: 'Pair and fleet' },
];

/** Two views: this computer's settings, and this computer beside the other nodes. */
export function ViewSwitch({
  page,
  disabled,
  onChange,
}: {
  readonly page: Page;
  readonly disabled: boolean;
  readonly onChange: (page: Page) => void;
}) {
  return (
    <nav className="view-switch" aria-label="Views">
      {PAGES.map((p) => (
        <button
          key={p.page}
          type="button"
          className="view-tab"
          aria-current={page === p.page ? 'page' : undefined}
          disabled={disabled && page !== p.page}
          onClick={() => onChange(p.page)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
