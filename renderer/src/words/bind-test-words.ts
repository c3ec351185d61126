import { plural, t } from '@lingui/core/macro';
import type { ApiErrorData, BindTestResult } from '../../../electron/contract';
import { unworded } from './unworded';

/** Programs and commands, never translated: placeholders in the sentences. */
const python3 = 'python3';
const perl = 'perl';
const aptInstall = 'apt install python3-minimal';
const dnfInstall = 'dnf install python3';

/**
 * A bind test in words, on any machine: this computer (and the demo's simulation of it)
 * or a node of the pair, called `name`; how it was bound follows in brackets.
 */
export function bindTestWords(r: BindTestResult, name?: string): string {
  const outcome = bindOutcomeWords(
    r,
    name ??
      t({ message: 'this computer', comment: 'the machine the app runs on, inside a sentence' }),
  );
  const how = viaWords(r.via);
  return how === null
    ? outcome
    : t({
        message: `${outcome} (${how})`,
        comment: 'a bind test’s outcome, then how it was tested',
      });
}

/** How the test bound, or null when there is nothing to say. */
function viaWords(via: BindTestResult['via']): string | null {
  switch (via) {
    case 'simulated':
      return t`simulated in the demo`;
    case 'python3':
    case 'perl': {
      const program = via;
      return t`tested with ${program}, binding only (port 0), nothing listens or connects`;
    }
    default:
      return null;
  }
}

/** The outcome on the machine called `name` ("this computer" or a node's name). */
function bindOutcomeWords(r: BindTestResult, name: string): string {
  const family = r.family;
  switch (r.outcome) {
    case 'works':
      if (r.anyAddress)
        return t`works: this is the any-address (all of ${name}'s addresses), which never needs non-local bind`;
      if (r.assignedLocally === null) return t`binding works on ${name}`;
      return r.assignedLocally
        ? t`works: the address belongs to ${name}, so the setting isn't needed for it`
        : t`works: ${name} does not hold the address yet, and ${family} non-local bind lets services listen on it anyway`;
    case 'not-local':
      return t`fails: ${name} does not hold this address, and ${family} non-local bind is off; turn it on to let services listen here`;
    case 'port-in-use':
      return t`port in use: another program already listens there`;
    case 'needs-root':
      return t`ports below 1024 need root; the test can't check them`;
    case 'error': {
      const detail = r.detail;
      return t`fails: ${detail}`;
    }
    case 'no-program':
      return t`${name} has neither ${python3} nor ${perl}, so nothing could bind a test socket. Install ${python3} (Debian/Ubuntu: ${aptInstall}; RHEL: ${dnfInstall}) and test again`;
    default:
      return unworded(r.outcome, 'bind-test');
  }
}

type AddressData = Extract<ApiErrorData, { from: 'addresses' }>;

/** Examples of what to type: addresses, never translated. */
const exampleIpv4 = '192.0.2.10';
const exampleIpv6 = '2001:db8::10';
const exampleZone = 'fe80::1%eth0';

/** Why the list of addresses to bind was refused. */
export function addressesWords(data: AddressData): string {
  const value = data.value ?? '';
  switch (data.problem) {
    case 'none':
      return t`There are no addresses to test.`;
    case 'too-many': {
      const limit = data.limit ?? 0;
      return plural(limit, {
        one: 'At most # address can be tested at once.',
        other: 'At most # addresses can be tested at once.',
      });
    }
    case 'not-ip':
      return t`"${value}" is not an IPv4 or IPv6 address.`;
    case 'empty':
      return t`Enter an IP address, for example ${exampleIpv4} or ${exampleIpv6}.`;
    case 'host-name':
      return t`"${value}" looks like a host name. Enter an IP address: the test never looks names up.`;
    case 'no-zone':
      return t`Link-local IPv6 addresses need a zone (the interface), for example ${exampleZone}.`;
    case 'bad-port':
      return t`The port must be a whole number from 0 to 65535 (0 picks any free port).`;
    default:
      return unworded(data.problem, 'bind-test');
  }
}
