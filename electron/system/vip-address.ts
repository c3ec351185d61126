import net from 'node:net';

/** One address a service configuration names, before checking this computer's interfaces. */
export interface FoundAddress {
  readonly address: string;
  readonly port: number | null;
  readonly family: 'IPv4' | 'IPv6';
  /** Wildcards listen on every address: no setting is needed for them. */
  readonly wildcard: boolean;
  readonly file: string;
  readonly line: number;
}

export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ParseResult {
  readonly addresses: FoundAddress[];
  readonly skipped: SkippedLine[];
  /** include targets (already resolved to absolute patterns), for the caller to follow. */
  readonly includes: string[];
}

/**
 * Where a parser sends what it finds, as it finds it: the discovery counts each against its
 * budget (and ignores the rest once one runs out); `collectParse` simply gathers them.
 */
export interface ParseSink {
  address(found: FoundAddress): void;
  skipped(line: SkippedLine): void;
  /** An include target, already resolved to an absolute pattern, and the line naming it. */
  include(pattern: string, line: number): void;
}

/** A parser fed the text in pieces of any size; `end` after the last one. */
export interface ConfigParser {
  push(text: string): void;
  end(): void;
}

/** Runs a parser over a whole text at once and gathers its findings. */
export function collectParse(
  create: (file: string, sink: ParseSink) => ConfigParser,
  text: string,
  file: string,
): ParseResult {
  const result: ParseResult = { addresses: [], skipped: [], includes: [] };
  const parser = create(file, {
    address: (found) => result.addresses.push(found),
    skipped: (line) => result.skipped.push(line),
    include: (pattern) => result.includes.push(pattern),
  });
  parser.push(text);
  parser.end();
  return result;
}

/** The longest word a reason quotes in full: a hostile megabyte-long word is cut, not echoed. */
const MAX_QUOTED = 120;

/** A word from the file, in quotes, shortened when it is longer than anything real. */
export function quote(text: string): string {
  return text.length > MAX_QUOTED ? `"${text.slice(0, MAX_QUOTED)}…"` : `"${text}"`;
}

/** `*`, an empty host, and every spelling of 0.0.0.0 or :: (`::0`, `0:0::0`, `::0.0.0.0`). */
function isWildcardHost(host: string): boolean {
  if (host === '' || host === '*') return true;
  const kind = net.isIP(host);
  if (kind === 4) return host.split('.').every((part) => Number(part) === 0);
  return kind === 6 && /^[0:.]+$/.test(host);
}

function parsePort(text: string | undefined): number | null | 'bad' {
  if (text === undefined || text === '') return null;
  const first = text.split('-')[0] ?? '';
  if (!/^\d{1,5}$/.test(first) || Number(first) > 65535) return 'bad';
  return Number(first);
}

/**
 * Splits "host:port" in the usual forms: `[v6]:port`, `v4:port`, `*:port`, `:port`,
 * a bare address or a bare port. Returns null when the text names no IP literal.
 */
export function splitHostPort(
  text: string,
  file: string,
  line: number,
  options: { readonly barePortIsPort: boolean; readonly v6WithoutBrackets: boolean },
): FoundAddress | { readonly problem: string } {
  let host: string;
  let portText: string | undefined;
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracket) {
    host = bracket[1] ?? '';
    portText = bracket[2];
  } else if (options.barePortIsPort && /^\d+$/.test(text)) {
    host = '*';
    portText = text;
  } else if (net.isIP(text) === 6 && !options.v6WithoutBrackets) {
    host = text;
  } else {
    const colon = text.lastIndexOf(':');
    if (colon === -1) {
      host = text;
    } else {
      host = text.slice(0, colon);
      portText = text.slice(colon + 1);
    }
  }
  const port = parsePort(portText);
  if (port === 'bad')
    return { problem: `${quote(text)} has a port that is not a number from 0 to 65535` };
  if (isWildcardHost(host)) {
    const family = net.isIP(host) === 6 || text.startsWith('[') ? 'IPv6' : 'IPv4';
    return { address: host === '' ? '*' : host, port, family, wildcard: true, file, line };
  }
  const zoneless = host.split('%')[0] ?? host;
  const kind = net.isIP(zoneless);
  if (kind === 0)
    return { problem: `${quote(host)} is not an IP address (host names are not looked up)` };
  return { address: host, port, family: kind === 4 ? 'IPv4' : 'IPv6', wildcard: false, file, line };
}

/** Removes a `#` comment that starts a word. */
export function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}
