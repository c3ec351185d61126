import type { BootEngine, PersistenceState, SettingBoot } from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import type { RemovalSource } from '../state/persistence-choice';

const ENGINE_TITLES: Record<BootEngine, string> = {
  systemd: 'At boot: systemd-sysctl',
  procps: 'sysctl --system (procps)',
};

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

/** Every file that sets the key, in the order each engine applies them, winner marked. */
export function BootDetails({ boot, settingKey, persistence, locked, onRemove }: BootDetailsProps) {
  const paths = settingPaths(boot);
  const removable = removableFiles(paths, persistence);
  const vendor = vendorFiles(paths, persistence);
  return (
    <details className="boot-details">
      <summary>Which files set {settingKey}?</summary>
      {(['systemd', 'procps'] as const).map((engine) => {
        const e = boot[engine];
        return (
          <div key={engine} className="engine" data-testid={`boot-${boot.id}-${engine}`}>
            <h3>{ENGINE_TITLES[engine]}</h3>
            {e.assignments.length === 0 ? (
              <p className="hint">No file sets it; the kernel default (0, off) stays.</p>
            ) : (
              <ol>
                {e.assignments.map((a, i) => {
                  const winner = e.winner?.path === a.path && e.winner.line === a.line;
                  return (
                    <li key={`${a.path}:${a.line}:${i}`} className={winner ? 'winner' : undefined}>
                      <code>
                        {a.path}:{a.line}
                      </code>{' '}
                      = {a.value}
                      {a.pattern ? <span className="hint"> (pattern {a.pattern})</span> : null}
                      {a.rejected ? (
                        <span className="rejected">
                          {' '}
                          — the kernel rejects this value: {a.rejected}
                        </span>
                      ) : null}
                      {winner ? <strong> ← the last value the kernel takes, wins</strong> : null}
                    </li>
                  );
                })}
              </ol>
            )}
            {e.assignments.length > 0 && e.winner === null ? (
              <p className="hint">
                The kernel rejects every value written, so the kernel default (0, off) stays.
              </p>
            ) : null}
            {e.notes.map((note) => (
              <p key={note} className="hint">
                {note}
              </p>
            ))}
            {e.globs.length > 0 ? (
              <p className="hint">
                Also matched by pattern lines:{' '}
                {e.globs.map((g) => `${g.path}:${g.line} = ${g.value}`).join('; ')}
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
              Remove from {name}
            </button>
          ))}
        </div>
      ) : null}
      {vendor.length > 0 ? (
        <p className="hint" data-testid={`not-removable-${boot.id}`}>
          Not offered for removal: {vendor.join(', ')}.{' '}
          {vendor.length === 1 ? 'It belongs' : 'They belong'} to installed software or the running
          system, which would put the lines back; set your value with the switch instead.
        </p>
      ) : null}
    </details>
  );
}
