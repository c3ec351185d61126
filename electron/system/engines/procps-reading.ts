import type { PhysicalLine } from './physical-lines';
import { makeStatement, type Statement } from './statement';

/**
 * How procps-ng `sysctl --system` (procps 4.0.2, src/sysctl.c Preload() and
 * parse_setting_line()) reads one file.
 *
 * Preload() reads with getline(), so only '\n' ends a line (a lone '\r' is part
 * of the line) and no length limit applies; a line of fewer than 2 bytes is
 * skipped. The rest is C string handling, so a NUL ends what is seen of the
 * line. parse_setting_line() strips leading whitespace with isspace() (in the C
 * locale: space, \t, \n, \v, \f, \r), skips lines shorter than 2 characters and
 * lines starting with '#' or ';', and splits at the first '='. With '=': a
 * leading '-' is removed (only the dash: "- key" keeps its space, so the key is
 * " key", which names no file), the value is stripped on both sides, the key on
 * the right. Without '=': a leading '-' makes a glob exclusion; anything else is
 * "invalid syntax".
 */

/** isspace() in the C locale. */
function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** rstrip(): never strips the first character (`while (end > line && isspace(*end))`). */
function rstripEnd(text: string, start: number, end: number): number {
  if (end <= start) return end;
  let last = end - 1;
  while (last > start && isCSpace(text.charCodeAt(last))) last -= 1;
  return last + 1;
}

function lstripStart(text: string, start: number, end: number): number {
  let a = start;
  while (a < end && isCSpace(text.charCodeAt(a))) a += 1;
  return a;
}

function parseLine(text: string, line: PhysicalLine): Statement | null {
  // getline() returns the '\n' too; rlen counts every byte, NULs included.
  const rlen = line.end - line.start;
  if (rlen < 2) return null;
  const nul = text.indexOf('\0', line.start);
  const hasNul = nul !== -1 && nul < line.contentEnd;
  // The C string: up to the first NUL, or the whole line with its '\n'.
  const cEnd = hasNul ? nul : line.end;
  const k = lstripStart(text, line.start, cEnd);
  if (cEnd - k < 2) return null;
  const first = text[k];
  if (first === '#' || first === ';') return null;
  const eq = text.indexOf('=', k);
  const span = { start: line.start, end: hasNul ? nul : line.contentEnd };
  if (eq === -1 || eq >= cEnd) {
    if (first !== '-') return null;
    return makeStatement(
      text,
      line.number,
      span,
      { start: k + 1, end: rstripEnd(text, k + 1, cEnd) },
      null,
      false,
    );
  }
  const dash = first === '-';
  const keyStart = dash ? k + 1 : k;
  // An empty value is placed before the line end, never after the '\n' the C string holds.
  const valueStart = Math.min(lstripStart(text, eq + 1, cEnd), span.end);
  return makeStatement(
    text,
    line.number,
    span,
    { start: keyStart, end: rstripEnd(text, keyStart, eq) },
    { start: valueStart, end: Math.min(rstripEnd(text, valueStart, cEnd), span.end) },
    dash,
  );
}

export function readAsProcps(text: string, lines: readonly PhysicalLine[]): Statement[] {
  const statements: Statement[] = [];
  for (const line of lines) {
    const statement = parseLine(text, line);
    if (statement) statements.push(statement);
  }
  return statements;
}
