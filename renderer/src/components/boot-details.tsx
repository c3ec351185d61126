import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import type { BootEngine, PersistenceState, SettingBoot } from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import type { RemovalSource } from '../state/persistence-choice';
import { bootNoteWords } from '../words/boot-note-words';
import { InlineCode } from './inline-code';
import { kernelRefusalWords } from '../words/kernel-refusal-words';

const ENGINE_TITLES = {
  systemd: msg`At boot: systemd-sysctl`,
  procps: msg({ message: 'sysctl --system (procps)', comment: 'a command and a package name' }),
} as const satisfies Record<BootEngine, unknown>;

export interface BootDetailsProps {
  readonly boot: SettingBoot;
  readonly settingKey: string;
  readonly persistence: PersistenceState;
  readonly locked: boolean;
  /** "Remove from FILE": prepares removing this key's lines from a file in /etc/sysctl.d or /etc/sysctl.conf. */
  readonly onRemove: (from: RemovalSource) => void;
}

const isEditable = (f: { kind: string; problem: string | null } | null | undefined) =>
  f?.kind === 'file' && f.problem === null;

/** Every file that sets the key, once each, in the order the engines apply them. */
function settingPaths(boot: SettingBoot): string[] {
  return [...new Set([...boot.systemd.assignments, ...boot.procps.assignments].map((a) => a.path))];
}

/** Files the administrator keeps that set the key and that the app can edit, in apply order. */
function removableFiles(
  paths: readonly string[],
  persistence: PersistenceState,
): { readonly name: string; readonly from: RemovalSource }[] {
  const prefix = `${persistence.directory}/`;
  return paths.flatMap((p): { readonly name: string; readonly from: RemovalSource }[] => {
    if (p === SYSCTL_CONF_PATH)
      return isEditable(persistence.sysctlConf)
        ? [{ name: SYSCTL_CONF_PATH, from: { kind: 'sysctl-conf' } as const }]
        : [];
    if (!p.startsWith(prefix)) return [];
    const name = p.slice(prefix.length);
    return isEditable(persistence.files.find((f) => f.name === name))
      ? [{ name, from: { kind: 'drop-in', fileName: name } as const }]
      : [];
  });
}

/** Files outside /etc that set the key: they belong to installed software or the running system. */
function vendorFiles(paths: readonly string[], persistence: PersistenceState): string[] {
  return paths.filter((p) => p !== SYSCTL_CONF_PATH && !p.startsWith(`${persistence.directory}/`));
}

/** "/etc/sysctl.conf:12 = 1", with the pattern it came from, a rejection, and the winner. */
function AssignmentLine({
  assignment,
  winner,
}: {
  readonly assignment: SettingBoot['systemd']['assignments'][number];
  readonly winner: boolean;
}) {
  const { pattern, refusal } = assignment;
  const rejected = refusal ? kernelRefusalWords(refusal) : null;
  return (
    <li className={winner ? 'winner' : undefined}>
      <code>
        {assignment.path}:{assignment.line}
      </code>{' '}
      = {assignment.value}
      {pattern ? (
        <span className="hint">
          {' '}
          <Trans comment="pattern: a sysctl key pattern such as net.ipv4.conf.*.x">
            (pattern {pattern})
          </Trans>
        </span>
      ) : null}
      {rejected ? (
        <span className="rejected">
          {' '}
          <Trans comment="rejected: why the kernel refuses the value">
            — the kernel rejects this value: {rejected}
          </Trans>
        </span>
      ) : null}
      {winner ? (
        <strong>
          {' '}
          <Trans>← the last value the kernel takes, wins</Trans>
        </strong>
      ) : null}
    </li>
  );
}

/** Every file that sets the key, in the order each engine applies them, winner marked. */
export function BootDetails({ boot, settingKey, persistence, locked, onRemove }: BootDetailsProps) {
  const paths = settingPaths(boot);
  const removable = removableFiles(paths, persistence);
  const vendor = vendorFiles(paths, persistence);
  const { i18n } = useLingui();
  // Paths, listed as the file listing lists them: "a, b, c".
  const files = formatList(vendor, { type: 'unit', style: 'short' });
  const fileCount = vendor.length;
  return (
    <details className="boot-details">
      <summary>
        <Trans>Which files set {settingKey}?</Trans>
      </summary>
      {(['systemd', 'procps'] as const).map((engine) => {
        const e = boot[engine];
        // Lines of files, not words: "path:line = value", kept apart as the file listing is.
        const patternLines = e.globs.map((g) => `${g.path}:${g.line} = ${g.value}`).join('; ');
        return (
          <div key={engine} className="engine" data-testid={`boot-${boot.id}-${engine}`}>
            <h3>{i18n._(ENGINE_TITLES[engine])}</h3>
            {e.assignments.length === 0 ? (
              <p className="hint">
                <Trans>No file sets it; the kernel default (0, off) stays.</Trans>
              </p>
            ) : (
              <ol>
                {e.assignments.map((a, i) => (
                  <AssignmentLine
                    key={`${a.path}:${a.line}:${i}`}
                    assignment={a}
                    winner={e.winner?.path === a.path && e.winner.line === a.line}
                  />
                ))}
              </ol>
            )}
            {e.assignments.length > 0 && e.winner === null ? (
              <p className="hint">
                <Trans>
                  The kernel rejects every value written, so the kernel default (0, off) stays.
                </Trans>
              </p>
            ) : null}
            {e.noteData.map((note, i) => (
              <p key={`${note.code}:${i}`} className="hint">
                <InlineCode text={bootNoteWords(note)} />
              </p>
            ))}
            {e.globs.length > 0 ? (
              <p className="hint">
                <Trans>Also matched by pattern lines: {patternLines}</Trans>
              </p>
            ) : null}
          </div>
        );
      })}
      {removable.length > 0 ? (
        <div className="remove-actions">
          {removable.map(({ name, from }) => (
            <button
              key={name}
              type="button"
              className="button small"
              disabled={locked}
              onClick={() => onRemove(from)}
            >
              <Trans comment="button: remove this setting's lines from the file">
                Remove from {name}
              </Trans>
            </button>
          ))}
        </div>
      ) : null}
      {vendor.length > 0 ? (
        <p className="hint" data-testid={`not-removable-${boot.id}`}>
          <Plural
            value={fileCount}
            one={`Not offered for removal: ${files}. It belongs to installed software or the running system, which would put the lines back; set your value with the switch instead.`}
            other={`Not offered for removal: ${files}. They belong to installed software or the running system, which would put the lines back; set your value with the switch instead.`}
          />
        </p>
      ) : null}
    </details>
  );
}
