import { detectFamily, isWildcardAddress, type IpFamily } from './ip-address';

export type VipProgram = 'haproxy' | 'keepalived' | 'nginx';

/** One address a configuration names, with where it was found. */
export interface VipAddress {
  readonly address: string;
  readonly port: number | null;
  readonly family: IpFamily;
  readonly file: string;
  readonly line: number;
  readonly program: VipProgram;
}

/** A line the parser did not turn into an address, and why (so nothing is dropped silently). */
export interface VipSkipped {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface VipParseResult {
  readonly addresses: VipAddress[];
  readonly skipped: VipSkipped[];
}

export const WILDCARD_REASON = 'listens on all addresses: no setting needed';

export interface HostPort {
  readonly host: string;
  readonly port: string | null;
}

/**
 * Splits `host:port`, `[v6]:port`, `[v6]`, `:port`, `port`-less hosts.
 *
 * An unbracketed text with several colons is IPv6; HAProxy reads its last colon as the
 * port separator (`:::80`), so `lastColonIsPort` chooses that reading.
 */
export function splitHostPort(text: string, lastColonIsPort: boolean): HostPort | null {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return null;
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return null;
    return { host: text.slice(1, close), port: rest === '' ? null : rest.slice(1) };
  }
  const colons = text.split(':').length - 1;
  if (colons === 0) return { host: text, port: null };
  if (colons > 1 && !lastColonIsPort) return { host: text, port: null };
  const at = text.lastIndexOf(':');
  return { host: text.slice(0, at), port: text.slice(at + 1) };
}

/** A port field as a number, or null when absent; `undefined` when it is not understood. */
export function parsePort(text: string | null): number | null | undefined {
  if (text === null) return null;
  const match = /^(\d{1,5})(?:-\d{1,5})?$/.exec(text);
  if (!match) return undefined;
  const port = Number(match[1]);
  return port <= 65535 ? port : undefined;
}

export type HostVerdict =
  | { readonly kind: 'address'; readonly address: string; readonly family: IpFamily }
  | { readonly kind: 'skip'; readonly reason: string };

/** Classifies a host field: an IP literal, a wildcard, or something we do not resolve. */
export function classifyHost(host: string): HostVerdict {
  if (host === '' || host === '*') return { kind: 'skip', reason: WILDCARD_REASON };
  const bare = host.split('%')[0] ?? host;
  const family = detectFamily(bare);
  if (family === null) {
    return {
      kind: 'skip',
      reason: `not an IP address (names are not looked up): ${host.slice(0, 80)}`,
    };
  }
  if (isWildcardAddress(bare)) return { kind: 'skip', reason: WILDCARD_REASON };
  return { kind: 'address', address: bare, family };
}

/** Cuts a `#` comment off one line (the three programs agree on `#`). */
export function stripComment(line: string): string {
  const at = line.indexOf('#');
  return at < 0 ? line : line.slice(0, at);
}
