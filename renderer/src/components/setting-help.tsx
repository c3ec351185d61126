import { Trans } from '@lingui/react/macro';
import type { AddressFamily } from '../../../electron/contract';

/** Short, accurate help behind a keyboard-operable disclosure (a native <details>). */
export function SettingHelp({
  family,
  settingKey,
}: {
  readonly family: AddressFamily;
  readonly settingKey: string;
}) {
  // Names from the socket API and HAProxy's configuration: placeholders, never translated.
  const socketOption = family === 'IPv4' ? 'IP_FREEBIND' : 'IPV6_FREEBIND';
  const listenerOption = 'freebind';
  const directive = 'bind';
  return (
    <details className="setting-help">
      <summary>
        <Trans>What does this do?</Trans>
      </summary>
      <dl>
        <dt>
          <Trans>What it allows</Trans>
        </dt>
        <dd>
          <Trans comment="family: IPv4 or IPv6; the error text is the one programs print (strerror)">
            With <code>{settingKey}</code> on, a program may listen on an {family} address that no
            network interface of this computer has (yet). Normally that fails with “Cannot assign
            requested address” (EADDRNOTAVAIL).
          </Trans>
        </dd>
        <dt>
          <Trans>When you need it</Trans>
        </dt>
        <dd>
          <Trans comment="“cannot bind socket” is HAProxy's own error message">
            Virtual IP failover: HAProxy, Nginx or services managed by Keepalived must start on the
            standby node, which does not hold the virtual IP until a failover moves it there.
            Without this setting they stop with errors such as “cannot bind socket”.
          </Trans>
        </dd>
        <dt>
          <Trans>The risk</Trans>
        </dt>
        <dd>
          <Trans>
            Services may start on addresses that never arrive, so a typo or a missing virtual IP no
            longer shows up as a startup error; it only shows up as traffic that never reaches them.
          </Trans>
        </dd>
        <dt>
          <Trans>Narrower alternatives</Trans>
        </dt>
        <dd>
          <Trans comment="listenerOption, directive: HAProxy configuration keywords">
            A program can ask for the same thing for one socket with the <code>{socketOption}</code>{' '}
            socket option; HAProxy offers it per listener as the <code>{listenerOption}</code>{' '}
            option on a <code>{directive}</code> line. That leaves the rest of the system strict.
          </Trans>
        </dd>
        <dt>
          <Trans>Per network namespace</Trans>
        </dt>
        <dd>
          <Trans>
            The value belongs to a network namespace: containers have their own, and changing it
            here does not change it inside them (or the other way round).
          </Trans>
        </dd>
      </dl>
    </details>
  );
}
