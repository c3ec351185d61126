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
  | { readonly ok: false; readonly error: string };

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

/** Checks a destination strictly and says exactly what is wrong. */
export function parseDestination(input: string): DestinationCheck {
  const text = input.trim();
  if (text.length === 0)
    return {
      ok: false,
      error: 'Type an SSH destination: an alias from ~/.ssh/config or user@host[:port].',
    };
  if (text.length > 300)
    return { ok: false, error: 'The destination is longer than 300 characters.' };
  if (/[\s'"`$\\;&|<>()*?!#{}]/.test(text) || /[^\x21-\x7e]/.test(text)) {
    return {
      ok: false,
      error: `"${text}" contains a character no SSH destination has (spaces, quotes and shell characters are refused).`,
    };
  }
  let rest = text;
  let user: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!USER.test(user))
      return {
        ok: false,
        error: `"${user}" is not a valid user name (letters, digits, _ . -; up to 32; not starting with a digit or -).`,
      };
  }
  let host = rest;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (!isIpv6(host)) return { ok: false, error: `"${host}" is not an IPv6 address.` };
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else {
    const colon = rest.split(':');
    if (colon.length === 2) {
      host = colon[0] ?? '';
      if (!/^\d{1,5}$/.test(colon[1] ?? ''))
        return { ok: false, error: `"${colon[1] ?? ''}" is not a port number.` };
      port = Number(colon[1]);
    } else if (colon.length > 2) {
      return {
        ok: false,
        error: 'Write an IPv6 address in brackets, e.g. admin@[2001:db8::1]:22.',
      };
    }
    if (!isHostName(host))
      return { ok: false, error: `"${host}" is not a host name, address or ~/.ssh/config alias.` };
  }
  if (port !== null && (port < 1 || port > 65535))
    return { ok: false, error: `Port ${port} is outside 1-65535.` };
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
