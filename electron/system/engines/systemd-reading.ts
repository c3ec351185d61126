import { lineLocator, type PhysicalLine } from './physical-lines';
import { makeStatement, type Statement } from './statement';

/**
 * How systemd-sysctl (systemd 252, src/sysctl/sysctl.c parse_file()) reads one file.
 *
 * parse_file() calls read_line(f, LONG_LINE_MAX, &l) (src/basic/fileio.c
 * read_line_full()), which ends a line at '\n', '\r' or NUL, and takes a run of
 * end markers as one line end as long as no marker repeats ("\r\n", "\n\r",
 * "\r\n\0" are one end; "\n\n" is two) and nothing follows a NUL. A line of
 * LONG_LINE_MAX (1 MiB) bytes or more makes read_line() fail with ENOBUFS, and
 * parse_file() returns there: that line and every later one are ignored, the
 * earlier ones stay applied ("Failed to read file ..., ignoring: No buffer space
 * available").
 *
 * Each line is then strstrip()ped of WHITESPACE (" \t\n\r" only: no form feed,
 * no vertical tab, nothing beyond ASCII), skipped when empty or starting with
 * '#' or ';', split at the first '=', and a leading '-' is removed from the key
 * ("- key = 1" is key "key", unlike procps). A line with no '=' that starts with
 * '-' is a negation (value NULL); any other line without '=' is ignored.
 */
export const LONG_LINE_MAX = 1024 * 1024;

const EOL_NONE = 0;
const EOL_ZERO = 1;
const EOL_TEN = 2;
const EOL_THIRTEEN = 4;

function categorizeEol(code: number): number {
  if (code === 0x0a) return EOL_TEN;
  if (code === 0x0d) return EOL_THIRTEEN;
  if (code === 0x00) return EOL_ZERO;
  return EOL_NONE;
}

/** strstrip()'s WHITESPACE. */
function isSystemdSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function strip(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  let b = end;
  while (a < b && isSystemdSpace(text.charCodeAt(a))) a += 1;
  while (b > a && isSystemdSpace(text.charCodeAt(b - 1))) b -= 1;
  return { start: a, end: b };
}

export interface SystemdReading {
  readonly statements: Statement[];
  /** Where read_line() failed with ENOBUFS: nothing from this byte on is read. */
  readonly stop: { readonly line: number; readonly offset: number } | null;
}

function parseSegment(text: string, line: number, s: number, e: number): Statement | null {
  const p = strip(text, s, e);
  if (p.start === p.end) return null;
  const first = text[p.start];
  if (first === '#' || first === ';') return null;
  const eq = text.indexOf('=', p.start);
  const span = { start: s, end: e };
  if (eq !== -1 && eq < p.end) {
    const dash = first === '-';
    const key = strip(text, dash ? p.start + 1 : p.start, eq);
    return makeStatement(text, line, span, key, strip(text, eq + 1, p.end), dash);
  }
  if (first !== '-') return null;
  return makeStatement(text, line, span, strip(text, p.start + 1, p.end), null, false);
}

export function readAsSystemd(text: string, lines: readonly PhysicalLine[]): SystemdReading {
  const statements: Statement[] = [];
  const locate = lineLocator(lines);
  let pos = 0;
  while (pos < text.length) {
    const start = pos;
    while (pos < text.length && categorizeEol(text.charCodeAt(pos)) === EOL_NONE) pos += 1;
    if (pos - start >= LONG_LINE_MAX)
      return { statements, stop: { line: locate(start), offset: start } };
    const contentEnd = pos;
    let previous = EOL_NONE;
    while (pos < text.length) {
      const eol = categorizeEol(text.charCodeAt(pos));
      if (previous & EOL_ZERO || eol === EOL_NONE || previous & eol) break;
      previous |= eol;
      pos += 1;
    }
    const statement = parseSegment(text, locate(start), start, contentEnd);
    if (statement) statements.push(statement);
  }
  return { statements, stop: null };
}
