import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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
  processHeldLastingWords,
  unsafeNameWords,
} from '../../words/namespace-words';
import { namespaceTitle } from '../../words/namespace-title-words';
import { CommandBlocks } from '../command-blocks';
import { InlineCode } from '../inline-code';
import { NamespaceActions } from './namespace-actions';
import { Findings, InsideValues, LoadBalancers } from './namespace-inside';

/** The fix for a namespace other than the app's: the running value now, and what lasts. */
function Fix({ ns }: { readonly ns: NamespaceEntry }) {
  if (ns.fix.kind === 'main-view') return null;
  if (ns.fix.kind === 'unsafe-name')
    return (
      <p className="hint">
        <InlineCode text={unsafeNameWords()} />
      </p>
    );
  return (
    <>
      <h4>{fixHeadingWords('lasting', ns.kind)}</h4>
      {ns.fix.lasting.length > 0 ? (
        <CommandBlocks blocks={ns.fix.lasting} />
      ) : (
        <p className="hint">{processHeldLastingWords()}</p>
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
  const { t } = useLingui();
  const headingId = `namespace-${ns.inode}-title`;
  const namespaceId = `net:[${ns.inode}]`;
  const processCount = ns.processCount;
  const containerCount = ns.containers.length;
  const containers = ns.containers.map(containerWords).join('; ');
  const idAndProcesses = t`${namespaceId}, ${plural(processCount, { one: '# process', other: '# processes' })}`;
  const containersLine = t`${plural(containerCount, {
    one: `Container: ${containers}`,
    other: `Containers: ${containers}`,
  })}`;
  const valueWords = (v: SettingState['effective']) =>
    v === 1
      ? t({ message: 'On', comment: 'state of a kernel setting' })
      : v === 0
        ? t({ message: 'Off', comment: 'state of a kernel setting' })
        : t({ message: 'Unknown', comment: 'state of a kernel setting that was not read' });
  return (
    <li
      className="namespace-card"
      aria-labelledby={headingId}
      data-testid={`namespace-${ns.inode}`}
    >
      <h3 id={headingId}>{namespaceTitle(ns)}</h3>
      <p className="hint">
        <InlineCode text={kindWords(ns.kind)} />{' '}
        <span className="namespace-id">{idAndProcesses}</span>
      </p>
      <LoadBalancers ns={ns} />
      {ns.containers.length > 0 ? <p data-testid="namespace-containers">{containersLine}</p> : null}
      {ns.own ? (
        <ul className="namespace-values" data-testid="namespace-own-values">
          {(settings ?? []).map((s) => (
            <li key={s.id}>
              <SettingValue
                setting={settingWords(s.id, s.key).label}
                value={valueWords(s.effective)}
              />
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

/** "IPv4 non-local bind: **On**", a value of the app's own namespace. */
function SettingValue({ setting, value }: { readonly setting: string; readonly value: string }) {
  return (
    <Trans comment="a setting and its value in this namespace">
      {setting}: <strong>{value}</strong>
    </Trans>
  );
}
