// A strict reader and writer for the gettext PO files the guides use (docs/i18n/guide.<lang>.po)
// and for looking labels up in the app's own catalogs (renderer/locales/<lang>/messages.po);
// its string escaping is also what the packaging merge (merge-outside-translations.ts) edits
// the app's catalogs with, so both read and write PO strings one way.
// Only what those files contain is understood: comments, msgctxt, msgid, msgstr, continued
// strings and the C escapes \\ \" \n \t. Anything else is an error with its line number,
// so a damaged catalog fails the docs run instead of producing a half-translated guide.
import { readFileSync, statSync } from 'node:fs';

export interface PoEntry {
  readonly context?: string;
  readonly id: string;
  readonly text: string;
  /** `#.` comments: notes for translators. */
  readonly notes: readonly string[];
  /** `#~` entries are obsolete: kept by some tools, never used. */
  readonly obsolete: boolean;
}

export type PoRead = { ok: true; entries: PoEntry[] } | { ok: false; error: string };

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', t: '\t' };

/** The text of one PO string literal (`"…"`), or null when it is not one this module knows. */
export function unquotePoString(literal: string): string | null {
  if (!/^"(?:[^"\\]|\\.)*"$/.test(literal)) return null;
  let bad = false;
  const text = literal
    .slice(1, -1)
    .replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? ((bad = true), ''));
  return bad ? null : text;
}

/** A guide catalog is about 60 KB, the app's about 100 KB; anything far larger is not ours. */
export const MAX_PO_BYTES = 4 * 1024 * 1024;

/**
 * One catalog file, read only when it is a regular file (a FIFO would block the run) of at
 * most MAX_PO_BYTES; every error names the file.
 */
export function readPoFile(file: string): PoRead {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return { ok: false, error: `${file} is missing` };
  }
  if (!stat.isFile()) return { ok: false, error: `${file} is not a regular file` };
  if (stat.size > MAX_PO_BYTES) {
    return { ok: false, error: `${file} is larger than ${MAX_PO_BYTES} bytes` };
  }
  const read = readPo(readFileSync(file, 'utf8'));
  return read.ok ? read : { ok: false, error: `${file}: ${read.error}` };
}

type Field = 'msgctxt' | 'msgid' | 'msgstr';

export function readPo(source: string): PoRead {
  const entries: PoEntry[] = [];
  let fields: Partial<Record<Field, string>> = {};
  let notes: string[] = [];
  let obsolete = false;
  let last: Field | null = null;
  const flush = (): void => {
    if (fields.msgid !== undefined) {
      entries.push({
        ...(fields.msgctxt !== undefined ? { context: fields.msgctxt } : {}),
        id: fields.msgid,
        text: fields.msgstr ?? '',
        notes,
        obsolete,
      });
    }
    fields = {};
    notes = [];
    obsolete = false;
    last = null;
  };
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').trim();
    if (line.startsWith('#~')) {
      obsolete = true;
      line = line.slice(2).trim();
      if (line === '') continue;
    } else if (line.startsWith('#')) {
      if (last === 'msgstr') flush();
      if (line.startsWith('#.')) notes.push(line.slice(2).trim());
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const keyword = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    const value = unquotePoString(keyword ? (keyword[2] ?? '') : line);
    if (value === null) return { ok: false, error: `line ${i + 1}: not a PO string: ${line}` };
    if (keyword) {
      const field = keyword[1] as Field;
      if (field !== 'msgstr' && last === 'msgstr') flush();
      if (fields[field] !== undefined)
        return { ok: false, error: `line ${i + 1}: a second ${field} in one entry` };
      fields[field] = value;
      last = field;
    } else if (last) {
      fields[last] = (fields[last] ?? '') + value;
    } else {
      return { ok: false, error: `line ${i + 1}: a continued string before any msgid` };
    }
  }
  flush();
  return { ok: true, entries };
}

/** `text` as a PO string literal, the inverse of unquotePoString. */
export function quotePoString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** One PO file, header first; entries keep the order given (the guide's own order). */
export function writePo(language: string, entries: readonly PoEntry[]): string {
  const out = [
    'msgid ""',
    'msgstr ""',
    quotePoString('MIME-Version: 1.0\n'),
    quotePoString('Content-Type: text/plain; charset=UTF-8\n'),
    quotePoString('Content-Transfer-Encoding: 8bit\n'),
    quotePoString(`Language: ${language}\n`),
    '',
  ];
  for (const entry of entries) {
    for (const note of entry.notes) out.push(`#. ${note}`);
    if (entry.context !== undefined) out.push(`msgctxt ${quotePoString(entry.context)}`);
    out.push(`msgid ${quotePoString(entry.id)}`, `msgstr ${quotePoString(entry.text)}`, '');
  }
  return out.join('\n');
}
