import type { ApiErrorData, BindTestResult, NodeBindTestResult } from '../../../electron/contract';

/*
 * The pair view's bind test in words: each address's outcome on a machine, the note on
 * how it was tested, and a refused list of addresses.
 */

type BindResult = NodeBindTestResult['results'][number];

/** One address's outcome on the machine called `name` ("this computer" or the node). */
export function bindResultWords(r: BindResult, name: string): string {
  switch (r.outcome) {
    case 'works':
      return `${r.address}: binding works on ${name}.`;
    case 'not-local':
      return `${r.address}: cannot bind on ${name}: the address is not there and ${r.family} non-local bind is off.`;
    case 'error':
      return `${r.address}: the test failed on ${name}: ${r.detail}`;
    default:
      return unworded(r.outcome);
  }
}

/** How the machine was tested, or what to install when it has no program that can bind. */
export function bindNoteWords(result: NodeBindTestResult, name: string): string {
  return result.program === null
    ? `${name}: It has neither python3 nor perl, so nothing could bind a test socket. Install python3 (Debian/Ubuntu: apt install python3-minimal; RHEL: dnf install python3) and test again.`
    : `${name}: tested with ${result.program}, binding only (port 0), nothing listens or connects.`;
}

/** This computer's bind test (and the demo's simulation of it) in words. */
export function bindTestWords(r: BindTestResult): string {
  return `${bindOutcomeWords(r)}${r.simulated ? ' (simulated in the demo)' : ''}`;
}

function bindOutcomeWords(r: BindTestResult): string {
  switch (r.outcome) {
    case 'works':
      if (r.anyAddress)
        return "works: this is the any-address (all of this computer's addresses), which never needs non-local bind";
      return r.assignedLocally
        ? "works: the address belongs to this computer, so the setting isn't needed for it"
        : `works: this computer does not hold the address yet, and ${r.family} non-local bind lets services listen on it anyway`;
    case 'not-local':
      return `fails: this computer does not hold this address, and ${r.family} non-local bind is off; turn it on to let services listen here`;
    case 'port-in-use':
      return 'port in use: another program already listens there';
    case 'needs-root':
      return "ports below 1024 need root; the test can't check them";
    case 'error':
      return `fails: ${r.detail}`;
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
