import { select, t } from '@lingui/core/macro';
import type { RuntimeValue } from '../../electron/contract';
import type { PendingChange } from './state/pending-changes';
import { settingWords } from './setting-words';
import { formatList } from './i18n/format';
import { unworded } from './words/unworded';

/** The value as a select key: each message words it itself ("On", "Off", "Unknown"). */
const stateOf = (v: RuntimeValue | null): 'on' | 'off' | 'unknown' =>
  v === 1 ? 'on' : v === 0 ? 'off' : 'unknown';

/** One line of the pending change in words, e.g. "IPv4 non-local bind: Off → On". */
export function pendingChangeWords(change: PendingChange): string {
  switch (change.kind) {
    case 'remove': {
      const keys = formatList(change.keys);
      const path = change.path;
      return t`Remove ${keys} from ${path}`;
    }
    case 'reset-now': {
      const label = settingWords(change.id, change.key).label;
      const current = stateOf(change.from);
      return t`${label}: ${select(current, { on: 'On', off: 'Off', other: 'Unknown' })} → Off now`;
    }
    case 'keep': {
      const label = settingWords(change.id, change.key).label;
      const to = stateOf(change.value);
      return t`${label}: ${select(to, { on: 'On', off: 'Off', other: 'Unknown' })} now and at every boot`;
    }
    case 'change': {
      const label = settingWords(change.id, change.key).label;
      const from = stateOf(change.from);
      const to = stateOf(change.to);
      return t`${label}: ${select(from, { on: 'On', off: 'Off', other: 'Unknown' })} → ${select(to, { on: 'On', off: 'Off', other: 'Unknown' })}`;
    }
    default:
      return unworded(change, 'pending-change');
  }
}
