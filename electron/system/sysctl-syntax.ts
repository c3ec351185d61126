/**
 * Line-level syntax of sysctl.d(5) files, shared by the boot-value resolver and
 * the byte-preserving editor.
 *
 * sysctl.d(5): "Empty lines and lines whose first non-whitespace character is
 * `#` or `;` are ignored." Keys may use `/` instead of `.` as separator, and a
 * leading `-` means "ignore failure to set this key". Whitespace around the key,
 * the `=` and the value is free.
 */

/** One physical line with its own terminator, so joining `text + eol` restores the file exactly. */
export interface RawLine {
  readonly text: string;
  readonly eol: '' | '\n' | '\r\n';
  /** 1-based line number. */
  readonly number: number;
}

export type ParsedLine =
  | { readonly kind: 'blank' | 'comment'; readonly line: RawLine }
  | {
      readonly kind: 'assignment';
      readonly line: RawLine;
      /** Key with `/` turned into `.` and the `-` prefix removed. */
      readonly key: string;
      readonly rawKey: string;
      readonly value: string;
      readonly ignoreFailure: boolean;
      /** True when the key contains a glob character (`*`, `?`, `[`), which systemd-sysctl expands. */
      readonly isGlob: boolean;
    }
  | { readonly kind: 'invalid'; readonly line: RawLine; readonly problem: string };

/** Splits text into lines that keep their own `\n` or `\r\n`; a missing final newline stays missing. */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  let number = 1;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      lines.push({ text: text.slice(start), eol: '', number });
      break;
    }
    const crlf = nl > start && text[nl - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? nl - 1 : nl), eol: crlf ? '\r\n' : '\n', number });
    start = nl + 1;
    number += 1;
  }
  return lines;
}

/** Joins lines back; `joinLines(splitLines(t)) === t` for every string. */
export function joinLines(lines: readonly RawLine[]): string {
  return lines.map((l) => l.text + l.eol).join('');
}

/**
 * Normalises a key the way sysctl.d(5) does: a leading `-` is a flag, and when
 * the first separator is `/`, `/` and `.` swap roles. Our keys contain no dots
 * within a component, so a plain replacement of `/` by `.` is exact for them.
 */
export function normalizeKey(rawKey: string): { key: string; ignoreFailure: boolean } {
  const ignoreFailure = rawKey.startsWith('-');
  const bare = ignoreFailure ? rawKey.slice(1) : rawKey;
  const firstSlash = bare.indexOf('/');
  const firstDot = bare.indexOf('.');
  const slashFirst = firstSlash !== -1 && (firstDot === -1 || firstSlash < firstDot);
  const key = slashFirst ? bare.replace(/[./]/g, (c) => (c === '/' ? '.' : '/')) : bare;
  return { key, ignoreFailure };
}

export function parseLine(line: RawLine): ParsedLine {
  const trimmed = line.text.trim();
  if (trimmed === '') return { kind: 'blank', line };
  if (trimmed.startsWith('#') || trimmed.startsWith(';')) return { kind: 'comment', line };
  const eq = trimmed.indexOf('=');
  if (eq === -1) return { kind: 'invalid', line, problem: 'no "=" on this line' };
  const rawKey = trimmed.slice(0, eq).trim();
  if (rawKey === '' || rawKey === '-') return { kind: 'invalid', line, problem: 'empty key' };
  const { key, ignoreFailure } = normalizeKey(rawKey);
  return {
    kind: 'assignment',
    line,
    key,
    rawKey,
    value: trimmed.slice(eq + 1).trim(),
    ignoreFailure,
    isGlob: /[*?[]/.test(key),
  };
}

export function parseSysctlText(text: string): ParsedLine[] {
  return splitLines(text).map(parseLine);
}
