import { joinLines, parseLine, splitLines, type RawLine } from './sysctl-syntax';

/** The first lines of a file the app creates; also how "only our header remains" is recognised. */
export const FILE_HEADER =
  '# Written by Nonlocal Bind. Lets services such as HAProxy, Nginx or Keepalived\n' +
  '# bind to a virtual IP before this node holds it. See ip_nonlocal_bind in\n' +
  '# the kernel ip-sysctl documentation.\n';

export type KeyValue = '0' | '1';

function dominantEol(lines: readonly RawLine[]): '\n' | '\r\n' {
  const crlf = lines.filter((l) => l.eol === '\r\n').length;
  const lf = lines.filter((l) => l.eol === '\n').length;
  return crlf > lf ? '\r\n' : '\n';
}

/** Replaces only the value part of an assignment line, keeping key spelling and spacing. */
function replaceValue(text: string, value: KeyValue): string {
  const eq = text.indexOf('=');
  const after = text.slice(eq + 1);
  const leading = /^\s*/.exec(after)?.[0] ?? '';
  const trailing = /\s*$/.exec(after.slice(leading.length))?.[0] ?? '';
  return `${text.slice(0, eq + 1)}${leading}${value}${trailing}`;
}

function assignedKey(line: RawLine, keys: ReadonlySet<string>): string | null {
  const parsed = parseLine(line);
  return parsed.kind === 'assignment' && keys.has(parsed.key) ? parsed.key : null;
}

/**
 * Sets our keys in a sysctl.d file's text, touching nothing else.
 *
 * Existing assignment lines of a key (any spelling: `.` or `/`, with or
 * without `-`) get the new value in place; a key without a line is appended.
 * Line endings follow the file; a missing final newline stays missing.
 */
export function setKeysInText(
  oldText: string | null,
  values: ReadonlyMap<string, KeyValue>,
): string {
  if (oldText === null) {
    return FILE_HEADER + [...values].map(([key, value]) => `${key} = ${value}\n`).join('');
  }
  const keys = new Set(values.keys());
  const lines = splitLines(oldText);
  const seen = new Set<string>();
  const edited = lines.map((line) => {
    const key = assignedKey(line, keys);
    if (key === null) return line;
    seen.add(key);
    return { ...line, text: replaceValue(line.text, values.get(key) as KeyValue) };
  });
  const missing = [...values].filter(([key]) => !seen.has(key));
  if (missing.length === 0) return joinLines(edited);
  const eol = dominantEol(lines);
  const last = edited[edited.length - 1];
  const endsWithoutNewline = last !== undefined && last.eol === '';
  let text = joinLines(edited);
  if (endsWithoutNewline) {
    // Keep the file's "no final newline" style: separate, then end without one.
    text += eol + missing.map(([k, v]) => `${k} = ${v}`).join(eol);
  } else {
    text += missing.map(([k, v]) => `${k} = ${v}${eol}`).join('');
  }
  return text;
}

/**
 * Removes every line that sets one of `keys`. The file should be deleted only
 * when nothing but our own header (and blank lines) would remain, or nothing at all.
 */
export function removeKeysFromText(
  oldText: string,
  keys: readonly string[],
): { text: string; deleteFile: boolean } {
  const keySet = new Set(keys);
  const kept = splitLines(oldText).filter((line) => assignedKey(line, keySet) === null);
  const text = joinLines(kept);
  const withoutHeader = text.startsWith(FILE_HEADER) ? text.slice(FILE_HEADER.length) : null;
  const deleteFile = text.trim() === '' || (withoutHeader !== null && withoutHeader.trim() === '');
  return { text, deleteFile };
}

/** Lines of a text that assign one of `keys`, for display and diagnostics. */
export function findKeyLines(
  text: string,
  keys: readonly string[],
): { key: string; value: string; line: number }[] {
  const keySet = new Set(keys);
  const found: { key: string; value: string; line: number }[] = [];
  for (const line of splitLines(text)) {
    const parsed = parseLine(line);
    if (parsed.kind === 'assignment' && keySet.has(parsed.key)) {
      found.push({ key: parsed.key, value: parsed.value, line: line.number });
    }
  }
  return found;
}

/** Decodes file bytes as UTF-8, refusing anything that is not valid text. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
