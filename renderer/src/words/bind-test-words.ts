import type { ApiErrorData, BindTestResult } from '../../../electron/contract';

/**
 * A bind test in words, on any machine: this computer (and the demo's simulation of it)
 * or a node of the pair, called `name`; how it was bound follows in brackets.
 */
export function bindTestWords(r: BindTestResult, name = 'this computer'): string {
  return `${bindOutcomeWords(r, name)}${viaWords(r.via)}`;
}

function viaWords(via: BindTestResult['via']): string {
  switch (via) {
    case 'simulated':
      return ' (simulated in the demo)';
    case 'python3':
    case 'perl':
      return ` (tested with ${via}, binding only (port 0), nothing listens or connects)`;
    default:
      return '';
  }
}

function bindOutcomeWords(r: BindTestResult, name: string): string {
  switch (r.outcome) {
    case 'works':
      if (r.anyAddress)
        return `works: this is the any-address (all of ${name}'s addresses), which never needs non-local bind`;
      if (r.assignedLocally === null) return `binding works on ${name}`;
      return r.assignedLocally
        ? `works: the address belongs to ${name}, so the setting isn't needed for it`
        : `works: ${name} does not hold the address yet, and ${r.family} non-local bind lets services listen on it anyway`;
    case 'not-local':
      return `fails: ${name} does not hold this address, and ${r.family} non-local bind is off; turn it on to let services listen here`;
    case 'port-in-use':
      return 'port in use: another program already listens there';
    case 'needs-root':
      return "ports below 1024 need root; the test can't check them";
    case 'error':
      return `fails: ${r.detail}`;
    case 'no-program':
      return `${name} has neither python3 nor perl, so nothing could bind a test socket. Install python3 (Debian/Ubuntu: apt install python3-minimal; RHEL: dnf install python3) and test again`;
    default:
      return unworded(r.outcome);
  }
}

type AddressData = Extract<ApiErrorData, { from: 'addresses' }>;

/** Why the list of addresses to bind was refused. */
export function addressesWords(data: AddressData): string {
  switch (data.problem) {
    case 'none':
      return 'There are no addresses to test.';
    case 'too-many':
      return `At most ${data.limit ?? 0} addresses can be tested at once.`;
    case 'not-ip':
      return `"${data.value ?? ''}" is not an IPv4 or IPv6 address.`;
    case 'empty':
      return 'Enter an IP address, for example 192.0.2.10 or 2001:db8::10.';
    case 'host-name':
      return `"${data.value ?? ''}" looks like a host name. Enter an IP address: the test never looks names up.`;
    case 'no-zone':
      return 'Link-local IPv6 addresses need a zone (the interface), for example fe80::1%eth0.';
    case 'bad-port':
      return 'The port must be a whole number from 0 to 65535 (0 picks any free port).';
    default:
      return unworded(data.problem);
  }
}

function unworded(value: never): never {
  throw new Error(`no words for bind test ${String(value)}`);
}
