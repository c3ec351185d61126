import type { ApiErrorData, NodeBindTestResult } from '../../../electron/contract';

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

type AddressData = Extract<ApiErrorData, { from: 'addresses' }>;

/** Why the list of addresses to bind was refused. */
export function addressesWords(data: AddressData): string {
  switch (data.problem) {
    case 'none':
      return 'There are no addresses to test.';
    case 'too-many':
      return `At most ${data.limit ?? 0} addresses can be tested at once.`;
    case 'not-ip':
      return `"${data.value ?? ''}" is not an IP address.`;
    default:
      return unworded(data.problem);
  }
}

function unworded(value: never): never {
  throw new Error(`no words for bind test ${String(value)}`);
}
