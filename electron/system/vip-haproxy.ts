import {
  classifyHost,
  parsePort,
  splitHostPort,
  stripComment,
  type VipParseResult,
} from './vip-types';

const NON_IP_PREFIXES = [
  'unix@',
  'abns@',
  'fd@',
  'sockpair@',
  'quic4@',
  'quic6@',
  'uxst@',
  'uxdg@',
];

/** Addresses on HAProxy `bind` lines; other directives are not about local addresses. */
export function parseHaproxyConfig(text: string, file: string): VipParseResult {
  const result: VipParseResult = { addresses: [], skipped: [] };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const words = stripComment(raw).trim().split(/\s+/);
    if (words[0] !== 'bind') return;
    const list = words[1];
    if (list === undefined || list === '') {
      result.skipped.push({ file, line, reason: 'bind without an address' });
      return;
    }
    // HAProxy accepts the address list in quotes.
    const unquoted = list.replace(/^(["'])(.*)\1$/, '$2');
    for (const entry of unquoted.split(',')) parseBindEntry(entry, file, line, result);
  });
  return result;
}

function parseBindEntry(entry: string, file: string, line: number, result: VipParseResult): void {
  const skip = (reason: string) => result.skipped.push({ file, line, reason });
  if (entry.startsWith('/') || NON_IP_PREFIXES.some((p) => entry.startsWith(p))) {
    return void skip(`not an IP socket: ${entry.slice(0, 80)}`);
  }
  const body = entry.replace(/^(ipv4|ipv6|tcp4|tcp6|tcp|udp4|udp6|udp)@/, '');
  const split = splitHostPort(body, true);
  if (split === null) return void skip(`not understood: ${entry.slice(0, 80)}`);
  const port = parsePort(split.port);
  if (port === undefined) return void skip(`port not understood: ${entry.slice(0, 80)}`);
  const host = classifyHost(split.host);
  if (host.kind === 'skip') return void skip(host.reason);
  result.addresses.push({
    address: host.address,
    port,
    family: host.family,
    file,
    line,
    program: 'haproxy',
  });
}
