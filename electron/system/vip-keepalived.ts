import net from 'node:net';
import { stripComment, type ParseResult } from './vip-address';

/**
 * Keepalived `virtual_ipaddress { ... }` and `virtual_ipaddress_excluded { ... }`
 * blocks (keepalived.conf(5)): one address per line, `ADDR[/PREFIX] [dev IF] [...]`.
 */
export function parseKeepalivedConfig(text: string, file: string): ParseResult {
  const result: ParseResult = { addresses: [], skipped: [], includes: [] };
  let depth = 0;
  let vipDepth: number | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw.replace(/!.*$/, '')).trim();
    if (content === '') return;
    const words = content.split(/\s+/);
    if (words[0] === 'include') {
      result.skipped.push({
        file,
        line,
        reason: `include ${words[1] ?? ''} is not followed for Keepalived`,
      });
      return;
    }
    if (vipDepth !== null && depth === vipDepth && !content.startsWith('}')) {
      const first = (words[0] ?? '').replace(/\{|\}/g, '');
      const address = first.split('/')[0] ?? '';
      const family = net.isIP(address);
      if (family === 0)
        result.skipped.push({ file, line, reason: `"${first}" is not an IP address` });
      else
        result.addresses.push({
          address,
          port: null,
          family: family === 4 ? 'IPv4' : 'IPv6',
          wildcard: false,
          file,
          line,
        });
    }
    const opens = (content.match(/\{/g) ?? []).length;
    const closes = (content.match(/\}/g) ?? []).length;
    if (/^virtual_ipaddress(_excluded)?\s*\{/.test(content) && vipDepth === null)
      vipDepth = depth + 1;
    depth += opens - closes;
    if (vipDepth !== null && depth < vipDepth) vipDepth = null;
    if (depth < 0) {
      result.skipped.push({ file, line, reason: 'unbalanced "}"' });
      depth = 0;
    }
  });
  return result;
}
