import { splitHostPort, stripComment, type ParseResult } from './vip-address';

/**
 * HAProxy `bind` lines (haproxy configuration.txt, section "bind"): a comma-separated
 * list of addresses, each optionally prefixed `ipv4@`/`ipv6@`, before the options.
 */
export function parseHaproxyConfig(text: string, file: string): ParseResult {
  const result: ParseResult = { addresses: [], skipped: [], includes: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const words = stripComment(raw).trim().split(/\s+/);
    if (words[0] !== 'bind') return;
    const list = words[1];
    if (!list) {
      result.skipped.push({ file, line, reason: 'bind without an address' });
      return;
    }
    for (const item of list.split(',')) {
      const at = item.indexOf('@');
      const prefix = at === -1 ? '' : item.slice(0, at);
      const rest = at === -1 ? item : item.slice(at + 1);
      if (
        prefix &&
        prefix !== 'ipv4' &&
        prefix !== 'ipv6' &&
        prefix !== 'tcp4' &&
        prefix !== 'tcp6'
      ) {
        result.skipped.push({
          file,
          line,
          reason: `"${item}" is a ${prefix}@ socket, not an IP address`,
        });
        continue;
      }
      if (rest.startsWith('/')) {
        result.skipped.push({ file, line, reason: `"${item}" is a UNIX socket path` });
        continue;
      }
      // HAProxy takes the last colon as the port separator, also for IPv6 without brackets.
      const found = splitHostPort(rest, file, line, {
        barePortIsPort: false,
        v6WithoutBrackets: true,
      });
      if ('problem' in found) result.skipped.push({ file, line, reason: found.problem });
      else
        result.addresses.push(
          prefix.endsWith('6') && found.wildcard ? { ...found, family: 'IPv6' } : found,
        );
    }
  });
  return result;
}
