import type { BootEngine, SettingBoot } from '../../../electron/contract';

const ENGINE_TITLES: Record<BootEngine, string> = {
  systemd: 'At boot: systemd-sysctl',
  procps: 'sysctl --system (procps)',
};

/** Every file that sets the key, in the order each engine applies them, winner marked. */
export function BootDetails({
  boot,
  settingKey,
}: {
  readonly boot: SettingBoot;
  readonly settingKey: string;
}) {
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
                  const winner = i === e.assignments.length - 1;
                  return (
                    <li key={`${a.path}:${a.line}`} className={winner ? 'winner' : undefined}>
                      <code>
                        {a.path}:{a.line}
                      </code>{' '}
                      = {a.value}
                      {winner ? <strong> ← applied last, wins</strong> : null}
                    </li>
                  );
                })}
              </ol>
            )}
            {e.globs.length > 0 ? (
              <p className="hint">
                Also matched by pattern lines:{' '}
                {e.globs.map((g) => `${g.path}:${g.line} = ${g.value}`).join('; ')}
              </p>
            ) : null}
          </div>
        );
      })}
    </details>
  );
}
