import { predictBoot } from './engines/boot-model';
import { byteTextToUtf8, utf8ToByteText, type ByteText } from './engines/byte-text';
import { findOurLines, type OurLine } from './engines/our-lines';
import { tokenizeSysctl } from './engines/tokenize';
import { FILE_HEADER } from './file-header';

export { FILE_HEADER };

export type KeyValue = '0' | '1';

/**
 * The editor. "Our line" is exactly a line that one of the engines reads as
 * one of our keys (engines/our-lines.ts): only those lines change, every other
 * byte stays, and the result is checked with the boot model before it is
 * returned, so what the app writes is what both engines will read.
 */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/**
 * Makes a line no longer our key's, for both engines. A plain line goes; a line
 * that a lone CR or NUL splits for systemd gets a '#' in front of each of our
 * statements instead, so the other statements on it keep their meaning.
 */
function neutralize(our: OurLine): Edit[] {
  if (our.simple) return [{ start: our.line.start, end: our.line.end, text: '' }];
  const points = new Set<number>();
  if (our.procps) points.add(our.line.start);
  for (const st of our.systemd) points.add(st.start);
  return [...points].map((p) => ({ start: p, end: p, text: '#' }));
}

function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** Where a new line goes: at the end, or before the line at which systemd-sysctl stops reading. */
function appendLine(text: string, line: string, stopAt: number | null): Edit {
  const eol = dominantEol(text);
  if (stopAt !== null) return { start: stopAt, end: stopAt, text: line + eol };
  if (text === '' || text.endsWith('\n'))
    return { start: text.length, end: text.length, text: line + eol };
  // Keep the file's "no final newline" style: separate, then end without one.
  return { start: text.length, end: text.length, text: eol + line };
}

function stopLineStart(text: ByteText): number | null {
  const stop = tokenizeSysctl(text).systemdStop;
  if (!stop) return null;
  return text.lastIndexOf('\n', stop.offset - 1) + 1;
}

/**
 * The editor asks which line each engine takes, not whether the kernel takes the value
 * (the boot model answers that with the key's own range): any number passes here.
 */
const ANY_NUMBER = { min: 0, max: Number.MAX_SAFE_INTEGER };

/** What both engines do with our key when this text is the only file. */
function readBack(text: string, key: string) {
  const p = predictBoot(
    {
      directories: [
        {
          dir: '/etc/sysctl.d',
          entries: [
            {
              name: 'edited.conf',
              kind: 'file',
              content: Buffer.from(text, 'latin1'),
              linkTarget: null,
            },
          ],
        },
      ],
      sysctlConf: null,
      problems: [],
    },
    [{ key, range: ANY_NUMBER }],
  );
  return { systemd: p.systemd.get(key), procps: p.procps.get(key) };
}

function setsValue(text: string, key: string, value: KeyValue): boolean {
  const r = readBack(text, key);
  return r.systemd?.stored === Number(value) && r.procps?.stored === Number(value);
}

/** In place when a line both engines read as the key can carry the value; else a new line. */
function setOne(text: ByteText, key: string, value: KeyValue): ByteText {
  const ours = findOurLines(text, tokenizeSysctl(text), key);
  const shared = ours.filter((o) => o.shared);
  const anchor = shared[shared.length - 1];
  const edits: Edit[] = [];
  if (anchor) {
    for (const o of shared) {
      const sd = o.systemd[0];
      const pp = o.procps;
      if (!sd || !pp) continue;
      const start = Math.min(sd.valueStart, pp.valueStart);
      const end = Math.max(sd.valueEnd, pp.valueEnd);
      edits.push({ start, end, text: value });
    }
    for (const o of ours) if (o.line.number > anchor.line.number) edits.push(...neutralize(o));
  } else {
    const stopAt = stopLineStart(text);
    edits.push(appendLine(text, `${key} = ${value}`, stopAt));
    for (const o of ours)
      if (stopAt !== null && o.line.start >= stopAt) edits.push(...neutralize(o));
  }
  const result = applyEdits(text, edits);
  if (setsValue(result, key, value)) return result as ByteText;
  // A pattern line or a split line after the anchor still wins somewhere: take every
  // one of our lines out and write the key once, last.
  const cleared = applyEdits(text, ours.flatMap(neutralize)) as ByteText;
  const fallback = applyEdits(cleared, [
    appendLine(cleared, `${key} = ${value}`, stopLineStart(cleared)),
  ]);
  if (setsValue(fallback, key, value)) return fallback as ByteText;
  throw new Error(`cannot make this file set ${key} to ${value} under both engines`);
}

/**
 * Sets our keys in a sysctl file's text, touching nothing but our lines.
 *
 * Every line both engines read as the key gets the new value in place (any
 * spelling, with or without '-'); lines only one engine reads as the key, and
 * "-key" lines with no value, after the last of those are taken out; a key
 * without such a line is appended. Line endings follow the file; a missing final
 * newline stays missing. Applying it twice changes nothing the second time.
 */
export function setKeysInText(
  oldText: string | null,
  values: ReadonlyMap<string, KeyValue>,
): string {
  if (oldText === null) {
    return FILE_HEADER + [...values].map(([key, value]) => `${key} = ${value}\n`).join('');
  }
  let text = utf8ToByteText(oldText);
  for (const [key, value] of values) text = setOne(text, key, value);
  return byteTextToUtf8(text);
}

/**
 * Takes out every line that either engine reads as one of `keys`. The file
 * should be deleted only when nothing but our own header (and blank lines)
 * would remain, or nothing at all.
 */
export function removeKeysFromText(
  oldText: string,
  keys: readonly string[],
): { text: string; deleteFile: boolean } {
  let bytes = utf8ToByteText(oldText);
  for (const key of keys) {
    bytes = applyEdits(
      bytes,
      findOurLines(bytes, tokenizeSysctl(bytes), key).flatMap(neutralize),
    ) as ByteText;
    const r = readBack(bytes, key);
    const own = [...(r.systemd?.writes ?? []), ...(r.procps?.writes ?? [])].filter(
      (w) => !w.pattern,
    );
    if (own.length > 0 || r.systemd?.cancelledBy)
      throw new Error(`cannot take ${key} out of this file for both engines`);
  }
  const text = byteTextToUtf8(bytes);
  const withoutHeader = text.startsWith(FILE_HEADER) ? text.slice(FILE_HEADER.length) : null;
  const deleteFile = text.trim() === '' || (withoutHeader !== null && withoutHeader.trim() === '');
  return { text, deleteFile };
}

/** Lines that either engine reads as one of `keys`, for display: what a removal takes out. */
export function findKeyLines(
  text: string,
  keys: readonly string[],
): { key: string; value: string | null; line: number }[] {
  const bytes = utf8ToByteText(text);
  const tokens = tokenizeSysctl(bytes);
  return keys
    .flatMap((key) =>
      findOurLines(bytes, tokens, key).map((o) => {
        const st = o.procps ?? o.systemd[0];
        const value = st?.value ?? null;
        return {
          key,
          value: value === null ? null : byteTextToUtf8(value as ByteText),
          line: o.line.number,
        };
      }),
    )
    .sort((a, b) => a.line - b.line);
}

/** Decodes file bytes as UTF-8, refusing anything that is not valid text. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
