import { Trans } from '@lingui/react/macro';
import type { AppState } from '../../../electron/contract';
import { lastingOf } from '../state/persistence-choice';
import type { ViewState } from '../state/view-state';
import { settingWords } from '../setting-words';
import { lineChangeWords, pendingLineChange, sysctlConfWhyWords } from '../words/line-change-words';
import { InlineCode } from './inline-code';

/**
 * A conflict fix into /etc/sysctl.conf shows the exact line it changes and why, so
 * "Writing into /etc/sysctl.conf" is never all the bar says.
 */
export function FixLines({ view, system }: { view: ViewState; system: AppState }) {
  const { kind, boot } = lastingOf(view.persistence);
  if (kind !== 'persist' || boot.kind !== 'sysctl-conf') return null;
  return (
    <>
      {system.settings
        .filter((s) => boot.onlyIds.includes(s.id))
        .map((s) => {
          const change = pendingLineChange(view, s.id);
          if (!change) return null;
          const label = settingWords(s.id, s.key).label;
          const line = lineChangeWords(change);
          return (
            <p key={s.id} className="fix-line" data-testid={`fix-line-${s.id}`}>
              <Trans comment="line: which line of which file, and its value before and after">
                Changes {line}.
              </Trans>{' '}
              <span className="hint">
                <InlineCode text={sysctlConfWhyWords(label, change.to)} />
              </span>
            </p>
          );
        })}
    </>
  );
}
