import { isIP } from 'node:net';
import os from 'node:os';

export type IpFamily = 'IPv4' | 'IPv6';

/** The family of an IP literal, or null when the text is not one (no name lookups, ever). */
export function detectFamily(text: string): IpFamily | null {
  const kind = isIP(text);
  return kind === 4 ? 'IPv4' : kind === 6 ? 'IPv6' : null;
}

/** Expands an IP literal to one spelling so `2001:db8::1` and `2001:0db8:0:0::1` compare equal. */
export function canonicalizeIp(text: string): string {
  const family = detectFamily(text);
  if (family === 'IPv4') return text.split('.').map(Number).join('.');
  if (family === null) return text;
  let body = text.toLowerCase();
  // An embedded dotted quad (::ffff:192.0.2.1) becomes its two hextets.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(body);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    body = `${body.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = body.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...fill, ...tailGroups].map((g) => parseInt(g, 16).toString(16)).join(':');
}

/** Addresses that mean "every address on this host": binding them never needs the setting. */
export function isWildcardAddress(text: string): boolean {
  const family = detectFamily(text);
  if (family === 'IPv4') return canonicalizeIp(text) === '0.0.0.0';
  if (family === 'IPv6') return canonicalizeIp(text) === '0:0:0:0:0:0:0:0';
  return false;
}

/** fe80::/10: the kernel cannot bind these without knowing the interface (the zone). */
export function isLinkLocalIpv6(text: string): boolean {
  if (detectFamily(text) !== 'IPv6') return false;
  const first = parseInt(canonicalizeIp(text).split(':')[0] ?? '0', 16);
  return (first & 0xffc0) === 0xfe80;
}

/** Every address on this computer's interfaces, canonical, without zones. */
export function listLocalAddresses(): ReadonlySet<string> {
  const found = new Set<string>();
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) found.add(canonicalizeIp(entry.address.split('%')[0] ?? ''));
  }
  return found;
}

export function isAssignedLocally(address: string, local: ReadonlySet<string>): boolean {
  return local.has(canonicalizeIp(address));
}
