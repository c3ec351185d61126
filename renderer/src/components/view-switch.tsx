import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useRef, type KeyboardEvent } from 'react';

export type Page = 'this' | 'nodes' | 'namespaces';

const PAGES: readonly { readonly page: Page; readonly label: MessageDescriptor }[] = [
  { page: 'this', label: msg({ message: 'This computer', comment: 'tab' }) },
  { page: 'nodes', label: msg({ message: 'Pair and fleet', comment: 'tab' }) },
  { page: 'namespaces', label: msg({ message: 'Network namespaces', comment: 'tab' }) },
];

/**
 * Arrow keys follow the layout: in a right-to-left page the tab on the right is
 * the previous one (WAI-ARIA tabs pattern).
 */
function arrowStep(key: string, element: HTMLElement): number {
  const rtl = getComputedStyle(element).direction === 'rtl';
  if (key === 'ArrowRight') return rtl ? -1 : 1;
  if (key === 'ArrowLeft') return rtl ? 1 : -1;
  return 0;
}

export const tabId = (page: Page) => `view-tab-${page}`;
export const panelId = (page: Page) => `view-panel-${page}`;

/**
 * The views as ARIA tabs: this computer's settings, this computer beside the other
 * nodes, and (when there are others) the computer's network namespaces. Only the current tab is a Tab stop (arrow keys move between tabs), so the
 * keyboard path to the switches grows by one stop, not two.
 */
export function ViewSwitch({
  page,
  disabled,
  pendingHere,
  showNamespaces,
  onChange,
}: {
  readonly page: Page;
  /** Other network namespaces exist (or their view is open): their tab is shown. */
  readonly showNamespaces: boolean;
  readonly disabled: boolean;
  /** Changes waiting for Apply on "This computer"; its bar is out of sight on the other tab. */
  readonly pendingHere: number;
  readonly onChange: (page: Page) => void;
}) {
  const { t, i18n } = useLingui();
  const refs = useRef<Partial<Record<Page, HTMLButtonElement | null>>>({});
  const pages = PAGES.filter((p) => p.page !== 'namespaces' || showNamespaces);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = pages.findIndex((p) => p.page === page);
    const step =
      event.key === 'Home'
        ? -index
        : event.key === 'End'
          ? pages.length - 1 - index
          : arrowStep(event.key, event.currentTarget);
    if (step === 0 || disabled) return;
    event.preventDefault();
    const next = pages[(index + step + pages.length) % pages.length];
    if (!next) return;
    onChange(next.page);
    refs.current[next.page]?.focus();
  };
  const views = t({ message: 'Views', comment: 'name of the row of tabs' });
  return (
    <nav className="view-switch" aria-label={views}>
      <div className="view-tabs" role="tablist" aria-label={views}>
        {pages.map((p) => (
          <button
            key={p.page}
            ref={(el) => {
              refs.current[p.page] = el;
            }}
            id={tabId(p.page)}
            type="button"
            role="tab"
            className="view-tab"
            aria-selected={page === p.page}
            aria-controls={panelId(p.page)}
            tabIndex={page === p.page ? 0 : -1}
            disabled={disabled && page !== p.page}
            onKeyDown={onKeyDown}
            onClick={() => onChange(p.page)}
          >
            {i18n._(p.label)}
            {p.page === 'this' && page !== 'this' && pendingHere > 0 ? (
              <span className="pending-tag" data-testid="tab-pending">
                {' • '}
                {t({
                  message: plural(pendingHere, { one: '# pending', other: '# pending' }),
                  comment: 'changes on this tab waiting for Apply',
                })}
              </span>
            ) : null}
          </button>
        ))}
      </div>
    </nav>
  );
}
