import {
  quote,
  splitHostPort,
  stripComment,
  type ConfigParser,
  type ParseSink,
} from './vip-address';
import { createLineFeeder, MAX_LINE_CHARS } from './vip-lines';

/** One line's `bind`, if it has one. */
function readBindLine(raw: string, line: number, file: string, sink: ParseSink): void {
  const words = stripComment(raw).trim().split(/\s+/, 2);
  if (words[0] !== 'bind') return;
  const list = words[1];
  if (!list) {
    sink.skipped({ file, line, reason: 'bind without an address' });
    return;
  }
  // HAProxy also accepts the address list in quotes.
  const unquoted = list.replace(/^(["'])(.*)\1$/, '$2');
  for (const item of unquoted.split(',')) {
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
      sink.skipped({
        file,
        line,
        reason: `${quote(item)} is a ${prefix.slice(0, 20)}@ socket, not an IP address`,
      });
      continue;
    }
    if (rest.startsWith('/')) {
      sink.skipped({ file, line, reason: `${quote(item)} is a UNIX socket path` });
      continue;
    }
    // HAProxy takes the last colon as the port separator, also for IPv6 without brackets.
    const found = splitHostPort(rest, file, line, {
      barePortIsPort: false,
      v6WithoutBrackets: true,
    });
    if ('problem' in found) sink.skipped({ file, line, reason: found.problem });
    else
      sink.address(prefix.endsWith('6') && found.wildcard ? { ...found, family: 'IPv6' } : found);
  }
}

/**
 * HAProxy `bind` lines (haproxy configuration.txt, section "bind"): a comma-separated
 * list of addresses, each optionally prefixed `ipv4@`/`ipv6@`, before the options.
 * Fed in pieces, so that a large file is read without holding it or stalling.
 */
export function createHaproxyParser(file: string, sink: ParseSink): ConfigParser {
  return createLineFeeder(
    (raw, line) => readBindLine(raw, line, file, sink),
    (line) =>
      sink.skipped({ file, line, reason: `a line longer than ${MAX_LINE_CHARS} characters` }),
  );
}
