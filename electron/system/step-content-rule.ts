import { FILE_HEADER } from './file-header';
import { SETTINGS, type Catalogue } from './settings';
import { integerRangeEre } from './step/value-range';

/**
 * What the privileged step lets a caller change in a sysctl file, whoever the caller is (the
 * app, a delegated polkit user, a sudo user on a node): lines that set a key of the
 * catalogue to a value in its kernel range, and the app's header comment. Every other line
 * must come out exactly as it went in, in the same order.
 *
 * One definition, two readers: the step (POSIX sh + awk, step/script-check.ts) gets the ERE
 * strings below, and the planner checks the same rule in TypeScript before asking for a
 * password, so a plan the step would refuse never reaches it.
 *
 * Lines are split on "\n" only. A lone CR or a NUL splits a line for systemd-sysctl, so
 * neither may appear inside a line the rule lets change (only a CR right before "\n").
 */

/**
 * The whole command string, script plus base64 content, must fit one argv string (Linux
 * MAX_ARG_STRLEN is 128 KiB); 64 KiB of file content keeps a margin. The step refuses more.
 */
export const MAX_FILE_BYTES = 64 * 1024;

/**
 * A new file holds the header and a line per key (about 300 bytes); with this cap and the
 * count of entries in the directory below, a caller allowed the step cannot fill /etc with
 * files of nothing but setting lines.
 */
export const MAX_NEW_FILE_BYTES = 4096;
/** The step creates no file in a directory that already holds this many entries. */
export const MAX_DIRECTORY_ENTRIES = 1000;

/** A key the step can name in sh `case` patterns and EREs without quoting: dotted words. */
const SAFE_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** The rule's EREs (POSIX classes, C locale; a CR is the character itself). */
export interface ContentRuleEres {
  /** A line that sets a key to anything printable: what a change may take away. */
  readonly anyValueLine: string;
  /** A line that sets a key to a value in its range, read as the key by both engines: what a change may put in. */
  readonly validValueLine: string;
  /** The header's lines, escaped, joined by '|'. */
  readonly headerLines: string;
}

/** A key as the engines spell it: '.' or '/' between its parts. */
function keyEre(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`the catalogue key ${key} cannot be matched safely`);
  return key.split('.').join('[./]');
}

/** `[blank] dash KEYS [blank] = value CR?`, as GNU grep -x / awk ^…$ read it. */
function line(dash: string, keys: readonly string[], value: string): string {
  return `[[:blank:]]*${dash}(${keys.map(keyEre).join('|')})[[:blank:]]*=${value}\r?`;
}

/**
 * The rule's EREs for a catalogue. "- key" counts as a setting line too: systemd reads it as
 * the key (procps as a key with a leading space, which does not exist), so taking it out
 * changes no other key. A value is valid when it is in its own key's range.
 */
export function contentRuleEres(catalogue: Catalogue): ContentRuleEres {
  const byRange = new Map<string, { min: number; max: number; keys: string[] }>();
  for (const s of catalogue) {
    if (!Number.isSafeInteger(s.range.min) || s.range.min < 0 || s.range.max < s.range.min)
      throw new Error(`the catalogue range of ${s.key} is not 0 <= min <= max`);
    const id = `${s.range.min}-${s.range.max}`;
    const group = byRange.get(id) ?? { ...s.range, keys: [] };
    group.keys.push(s.key);
    byRange.set(id, group);
  }
  const valid = [...byRange.values()].map((g) =>
    line('-?', g.keys, `[[:blank:]]*${integerRangeEre(g.min, g.max)}[[:blank:]]*`),
  );
  return {
    anyValueLine: line(
      '(-[[:blank:]]*)?',
      catalogue.map((s) => s.key),
      '[[:print:][:blank:]]*',
    ),
    validValueLine: valid.length === 1 ? (valid[0] as string) : `(${valid.join('|')})`,
    headerLines: FILE_HEADER.split('\n')
      .filter((l) => l !== '')
      .map((l) => l.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&'))
      .join('|'),
  };
}

/** The same EREs for JavaScript: POSIX classes in the C locale. */
function toJs(source: string): RegExp {
  const js = source
    .replaceAll('[[:print:][:blank:]]', '[\\x20-\\x7e\\t]')
    .replaceAll('[[:blank:]]', '[ \\t]');
  return new RegExp(`^(?:${js})$`);
}

interface CompiledRule {
  readonly any: RegExp;
  readonly valid: RegExp;
  readonly header: RegExp;
}

const compiled = new WeakMap<Catalogue, CompiledRule>();

function compile(catalogue: Catalogue): CompiledRule {
  const known = compiled.get(catalogue);
  if (known) return known;
  const eres = contentRuleEres(catalogue);
  const rule = {
    any: toJs(eres.anyValueLine),
    valid: toJs(eres.validValueLine),
    header: toJs(eres.headerLines),
  };
  compiled.set(catalogue, rule);
  return rule;
}

const BLANK_LINE = /^[ \t]*\r?$/;

export type ContentRuleError =
  | { readonly code: 'content-outside-settings'; readonly line: number }
  | { readonly code: 'content-value-out-of-range'; readonly line: number }
  | { readonly code: 'delete-not-only-settings'; readonly line: number }
  | { readonly code: 'new-file-too-large'; readonly line: number }
  | { readonly code: 'old-file-too-large'; readonly line: number };

export type ContentRuleResult =
  { readonly ok: true } | { readonly ok: false; readonly error: ContentRuleError };

/** Lines as grep sees them: split on "\n", without the empty piece after a final "\n". */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines a change must keep, each with its 1-based line number in `lines`. */
function keptLines(lines: readonly string[], rule: CompiledRule): { text: string; line: number }[] {
  return lines.flatMap((text, i) =>
    rule.any.test(text) || rule.header.test(text) ? [] : [{ text, line: i + 1 }],
  );
}

/**
 * Whether the step accepts replacing `oldText` (null: no file yet) with `newText`
 * (null: delete the file). Text is the file's bytes as latin1 or UTF-8; only ASCII
 * matters to the rule, and any other byte is never part of a line that may change.
 */
export function checkContentChange(
  oldText: string | null,
  newText: string | null,
  catalogue: Catalogue = SETTINGS,
): ContentRuleResult {
  const rule = compile(catalogue);
  // As the step counts: every line with its break. Past the planner's limit a file may hold
  // a line systemd-sysctl stops at (1 MiB); removing it would let the lines after it apply.
  const oldBytes = linesOf(oldText ?? '').reduce(
    (n, l) => n + Buffer.byteLength(l, 'latin1') + 1,
    0,
  );
  if (oldBytes > MAX_FILE_BYTES)
    return { ok: false, error: { code: 'old-file-too-large', line: 1 } };
  if (newText === null) {
    const rest = keptLines(linesOf(oldText ?? ''), rule).find((l) => !BLANK_LINE.test(l.text));
    return rest
      ? { ok: false, error: { code: 'delete-not-only-settings', line: rest.line } }
      : { ok: true };
  }
  if (oldText === null && Buffer.byteLength(newText, 'latin1') > MAX_NEW_FILE_BYTES)
    return { ok: false, error: { code: 'new-file-too-large', line: 1 } };
  const oldLines = linesOf(oldText ?? '');
  const newLines = linesOf(newText);
  const oldSettingLines = new Set(oldLines.filter((l) => rule.any.test(l)));
  // A new line that sets a key must hold a value in range, unless it was there before
  // word for word (someone else's line the change leaves alone).
  for (const [i, text] of newLines.entries()) {
    if (rule.any.test(text) && !rule.valid.test(text) && !oldSettingLines.has(text))
      return { ok: false, error: { code: 'content-value-out-of-range', line: i + 1 } };
  }
  const now = keptLines(newLines, rule);
  const differs = firstDifference(keptLines(oldLines, rule), now);
  if (differs === null) return { ok: true };
  // A last line without a line break gets one when a line is added after it: in a CRLF
  // file that break is "\r\n", and the CR, which both engines strip, joins that line.
  if (oldText !== null && oldText !== '' && !oldText.endsWith('\n')) {
    const withCr = keptLines(linesOf(`${oldText}\r`), rule);
    if (firstDifference(withCr, now) === null) return { ok: true };
  }
  return { ok: false, error: { code: 'content-outside-settings', line: differs } };
}

/** The line number (in `now`, else in `kept`) where two kept-line lists first differ. */
function firstDifference(
  kept: readonly { text: string; line: number }[],
  now: readonly { text: string; line: number }[],
): number | null {
  for (let i = 0; i < Math.max(kept.length, now.length); i += 1) {
    if (kept[i]?.text !== now[i]?.text) return now[i]?.line ?? kept[i]?.line ?? 1;
  }
  return null;
}
