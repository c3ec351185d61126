import type {
  NamespaceEntry,
  NamespaceReading,
  SettingState,
  WillFailFinding,
} from '../../../../electron/contract';
import { settingWords } from '../../setting-words';
import {
  containerWords,
  fixHeadingWords,
  kindWords,
  namespaceTitle,
  PROCESS_HELD_LASTING,
  UNSAFE_NAME,
} from '../../words/namespace-words';
import { CommandBlocks } from '../command-blocks';
import { InlineCode } from '../inline-code';
import { NamespaceActions } from './namespace-actions';
import { Findings, InsideValues, LoadBalancers } from './namespace-inside';

const valueWords = (v: SettingState['effective']) => (v === 1 ? 'On' : v === 0 ? 'Off' : 'Unknown');

/** The fix for a namespace other than the app's: the running value now, and what lasts. */
function Fix({ ns }: { readonly ns: NamespaceEntry }) {
  if (ns.fix.kind === 'main-view') return null;
  if (ns.fix.kind === 'unsafe-name')
    return (
      <p className="hint">
        <InlineCode text={UNSAFE_NAME} />
      </p>
    );
  return (
    <>
      <h4>{fixHeadingWords('lasting', ns.kind)}</h4>
      {ns.fix.lasting.length > 0 ? (
        <CommandBlocks blocks={ns.fix.lasting} />
      ) : (
        <p className="hint">{PROCESS_HELD_LASTING}</p>
      )}
      {ns.fix.now.length > 0 ? (
        <>
          <h4>{fixHeadingWords('now', ns.kind)}</h4>
          <CommandBlocks blocks={ns.fix.now} />
        </>
      ) : null}
    </>
  );
}

export interface NamespaceCardProps {
  readonly ns: NamespaceEntry;
  /** The main view's reading: the app's own namespace shows it; the others, its ids. */
  readonly settings: readonly SettingState[] | null;
  /** What was last read inside it (other namespaces only). */
  readonly reading: NamespaceReading | undefined;
  /** The app has a way into it (a process or a plain `ip netns` name). */
  readonly canEnter: boolean;
  readonly onReadBack: (reading: NamespaceReading, findings: readonly WillFailFinding[]) => void;
}

/** One network namespace: what it is, what runs in it, its values, what will fail, its fixes. */
export function NamespaceCard({ ns, settings, reading, canEnter, onReadBack }: NamespaceCardProps) {
  const headingId = `namespace-${ns.inode}-title`;
  return (
    <li
      className="namespace-card"
      aria-labelledby={headingId}
      data-testid={`namespace-${ns.inode}`}
    >
      <h3 id={headingId}>{namespaceTitle(ns)}</h3>
      <p className="hint">
        <InlineCode text={kindWords(ns.kind)} />{' '}
        <span className="namespace-id">
          {`net:[${ns.inode}], ${ns.processCount} ${ns.processCount === 1 ? 'process' : 'processes'}`}
        </span>
      </p>
      <LoadBalancers ns={ns} />
      {ns.containers.length > 0 ? (
        <p data-testid="namespace-containers">
          {`${ns.containers.length === 1 ? 'Container' : 'Containers'}: `}
          {ns.containers.map(containerWords).join('; ')}
        </p>
      ) : null}
      {ns.own ? (
        <ul className="namespace-values" data-testid="namespace-own-values">
          {(settings ?? []).map((s) => (
            <li key={s.id}>
              {`${settingWords(s.id, s.key).label}: `}
              <strong>{valueWords(s.effective)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <InsideValues ns={ns} reading={reading} />
          <Findings ns={ns} />
          {canEnter ? (
            <NamespaceActions
              ns={ns}
              settings={settings}
              reading={reading}
              onReadBack={onReadBack}
            />
          ) : null}
        </>
      )}
      <Fix ns={ns} />
    </li>
  );
}
