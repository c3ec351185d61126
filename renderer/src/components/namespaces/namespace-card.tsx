import type { NamespaceEntry, SettingState } from '../../../../electron/contract';
import { settingWords } from '../../setting-words';
import {
  containerWords,
  fixHeadingWords,
  kindWords,
  loadBalancerWords,
  namespaceTitle,
  PROCESS_HELD_LASTING,
  UNSAFE_NAME,
  VALUE_NOT_READ,
} from '../../words/namespace-words';
import { CommandBlocks } from '../command-blocks';
import { InlineCode } from '../inline-code';

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

/** One network namespace: what it is, what runs in it, its value or why it is not shown, its fix. */
export function NamespaceCard({
  ns,
  settings,
}: {
  readonly ns: NamespaceEntry;
  /** The main view's reading: the app's own namespace shows it. */
  readonly settings: readonly SettingState[] | null;
}) {
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
      {ns.loadBalancers.length > 0 ? (
        <p data-testid="namespace-load-balancers">
          {'Load balancers: '}
          {ns.loadBalancers.map(loadBalancerWords).join('; ')}
        </p>
      ) : null}
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
        <p className="note not-read" role="note">
          {VALUE_NOT_READ}
        </p>
      )}
      <Fix ns={ns} />
    </li>
  );
}
