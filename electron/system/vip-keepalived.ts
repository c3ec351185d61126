import net from 'node:net';
import { quote, stripComment, type ConfigParser, type ParseSink } from './vip-address';
import { createLineFeeder, MAX_LINE_CHARS } from './vip-lines';

/**
 * Keepalived `virtual_ipaddress { ... }` and `virtual_ipaddress_excluded { ... }`
 * blocks (keepalived.conf(5)): one address per line, `ADDR[/PREFIX] [dev IF] [...]`.
 * Fed in pieces, so that a large file is read without holding it or stalling.
 */
export function createKeepalivedParser(file: string, sink: ParseSink): ConfigParser {
  let depth = 0;
  let vipDepth: number | null = null;
  const takeAddress = (word: string, line: number) => {
    const first = word.replace(/\{|\}/g, '');
    const address = first.split('/')[0] ?? '';
    const family = net.isIP(address);
    if (family === 0) sink.skipped({ file, line, reason: `${quote(first)} is not an IP address` });
    else
      sink.address({
        address,
        port: null,
        family: family === 4 ? 'IPv4' : 'IPv6',
        wildcard: false,
        file,
        line,
      });
  };
  const readLine = (raw: string, line: number) => {
    const content = stripComment(raw.replace(/!.*$/, '')).trim();
    if (content === '') return;
    const words = content.split(/\s+/, 2);
    if (words[0] === 'include') {
      sink.skipped({
        file,
        line,
        reason: `include ${(words[1] ?? '').slice(0, 120)} is not followed for Keepalived`,
      });
      return;
    }
    if (vipDepth !== null && depth === vipDepth && !content.startsWith('}')) {
      takeAddress(words[0] ?? '', line);
    }
    const opens = (content.match(/\{/g) ?? []).length;
    const closes = (content.match(/\}/g) ?? []).length;
    const header = /^virtual_ipaddress(_excluded)?\s*\{\s*([^\s{}]*)/.exec(content);
    if (header && vipDepth === null) {
      vipDepth = depth + 1;
      // `virtual_ipaddress { 192.0.2.1 }`: an address on the header line itself.
      if (header[2]) takeAddress(header[2], line);
    }
    depth += opens - closes;
    if (vipDepth !== null && depth < vipDepth) vipDepth = null;
    if (depth < 0) {
      sink.skipped({ file, line, reason: 'unbalanced "}"' });
      depth = 0;
    }
  };
  return createLineFeeder(readLine, (line) =>
    sink.skipped({ file, line, reason: `a line longer than ${MAX_LINE_CHARS} characters` }),
  );
}
