import type { ApiError, DestinationProblem } from '../../contract';

/**
 * An SSH destination as the user typed it: a ~/.ssh/config alias or user@host[:port].
 *
 * Only these validated tokens ever reach the ssh command line, as separate argv
 * entries after `--`; nothing here is ever put in a shell string.
 */
export interface Destination {
  /** The text as accepted, used as the node's identity in the node list. */
  readonly text: string;
  readonly user: string | null;
  readonly host: string;
  readonly port: number | null;
}

export type DestinationCheck =
  | { readonly ok: true; readonly destination: Destination }
  | { readonly ok: false; readonly error: ApiError };

/** The refusal as data: what is wrong and the part it is about, shortened. */
const refused = (problem: DestinationProblem, value = ''): DestinationCheck => ({
  ok: false,
  error: {
    code: 'invalid-destination',
    data: { from: 'destination', code: 'invalid-destination', problem, value: value.slice(0, 300) },
  },
});

// POSIX portable user names (useradd's default rule, plus upper case).
const USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
// A host name or alias: DNS labels; never starts with '-' so ssh cannot read it as an option.
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

function isHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  if (IPV4.test(host)) return true;
  return host.split('.').every((label) => LABEL.test(label));
}

function isIpv6(host: string): boolean {
  return IPV6.test(host) && host.includes(':') && (host.match(/::/g) ?? []).length <= 1;
}

/** Checks a destination strictly and says exactly what is wrong, as data. */
export function parseDestination(input: string): DestinationCheck {
  const text = input.trim();
  if (text.length === 0) return refused('empty');
  if (text.length > 300) return refused('too-long');
  if (/[\s'"`$\\;&|<>()*?!#{}]/.test(text) || /[^\x21-\x7e]/.test(text))
    return refused('bad-character', text);
  let rest = text;
  let user: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!USER.test(user)) return refused('bad-user', user);
  }
  let host = rest;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (!isIpv6(host)) return refused('bad-ipv6', host);
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else {
    const colon = rest.split(':');
    if (colon.length === 2) {
      host = colon[0] ?? '';
      if (!/^\d{1,5}$/.test(colon[1] ?? '')) return refused('bad-port', colon[1] ?? '');
      port = Number(colon[1]);
    } else if (colon.length > 2) {
      return refused('unbracketed-ipv6');
    }
    if (!isHostName(host)) return refused('bad-host', host);
  }
  if (port !== null && (port < 1 || port > 65535)) return refused('port-range', String(port));
  return { ok: true, destination: { text, user, host, port } };
}

/** The ssh argv part naming the destination; the host comes after `--`. */
export function destinationArgs(d: Destination): string[] {
  return [
    ...(d.port !== null ? ['-p', String(d.port)] : []),
    ...(d.user !== null ? ['-l', d.user] : []),
    '--',
    d.host,
  ];
}
