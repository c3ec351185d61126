import type { AddressFamily } from '../../../electron/contract';

/** Short, accurate help behind a keyboard-operable disclosure (a native <details>). */
export function SettingHelp({
  family,
  settingKey,
}: {
  readonly family: AddressFamily;
  readonly settingKey: string;
}) {
  const freebind = family === 'IPv4' ? 'IP_FREEBIND' : 'IPV6_FREEBIND';
  return (
    <details className="setting-help">
      <summary>What does this do?</summary>
      <dl>
        <dt>What it allows</dt>
        <dd>
          With <code>{settingKey}</code> on, a program may listen on an {family} address that no
          network interface of this computer has (yet). Normally that fails with “Cannot assign
          requested address” (EADDRNOTAVAIL).
        </dd>
        <dt>When you need it</dt>
        <dd>
          Virtual IP failover: HAProxy, Nginx or services managed by Keepalived must start on the
          standby node, which does not hold the virtual IP until a failover moves it there. Without
          this setting they stop with errors such as “cannot bind socket”.
        </dd>
        <dt>The risk</dt>
        <dd>
          Services may start on addresses that never arrive, so a typo or a missing virtual IP no
          longer shows up as a startup error; it only shows up as traffic that never reaches them.
        </dd>
        <dt>Narrower alternatives</dt>
        <dd>
          A program can ask for the same thing for one socket with the <code>{freebind}</code>{' '}
          socket option; HAProxy offers it per listener as the <code>freebind</code> option on a{' '}
          <code>bind</code> line. That leaves the rest of the system strict.
        </dd>
        <dt>Per network namespace</dt>
        <dd>
          The value belongs to a network namespace: containers have their own, and changing it here
          does not change it inside them (or the other way round).
        </dd>
      </dl>
    </details>
  );
}
