import { FILE_HEADER } from './file-header';

/**
 * What the privileged step lets a caller change in a sysctl file, whoever the caller is (the
 * app, a delegated polkit user, a sudo user on a node): lines that set
 * net.ipv4.ip_nonlocal_bind or net.ipv6.ip_nonlocal_bind, and the app's header comment.
 * Every other line must come out exactly as it went in, in the same order.
 *
 * One definition, two readers: the step (POSIX sh + grep, privileged-script.ts) gets the
 * ERE strings below, and the planner checks the same rule in TypeScript before asking
 * for a password, so a plan the step would refuse never reaches it.
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

/** The keys the step may touch, as the engines spell them ('.' or '/' between parts). */
const KEY_ERE = 'net[./]ipv[46][./]ip_nonlocal_bind';

/** The kernel's range for these keys (a u8): 0 to 255, without leading zeros. */
const VALUE_ERE = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

/** ERE for GNU grep -E -x in the C locale, with "CR" standing for a literal carriage return. */
function ere(dash: string, value: string): string {
  return `[[:blank:]]*${dash}${KEY_ERE}[[:blank:]]*=${value}CR?`;
}

/**
 * A line that sets one of the keys to anything printable: what a change may take away.
 * "- key" counts too: systemd reads it as the key (procps as a key with a leading space,
 * which does not exist), so taking it out changes no other key.
 */
export const ANY_VALUE_LINE_ERE = ere('(-[[:blank:]]*)?', '[[:print:][:blank:]]*');
/** A line that sets one of the keys to a value in range, read as the key by both engines: what a change may put in. */
export const VALID_VALUE_LINE_ERE = ere('-?', `[[:blank:]]*${VALUE_ERE}[[:blank:]]*`);

/** The header's lines as whole-line EREs (escaped), joined by '|'. */
export const HEADER_LINES_ERE = FILE_HEADER.split('\n')
  .filter((l) => l !== '')
  .map((l) => l.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&'))
  .join('|');

/** The same EREs for JavaScript: POSIX classes in the C locale, CR as \r. */
function toJs(source: string): RegExp {
  const js = source
    .replaceAll('[[:print:][:blank:]]', '[\\x20-\\x7e\\t]')
    .replaceAll('[[:blank:]]', '[ \\t]')
    .replaceAll('CR?', '\\r?');
  return new RegExp(`^(?:${js})$`);
}

const ANY_VALUE_LINE = toJs(ANY_VALUE_LINE_ERE);
const VALID_VALUE_LINE = toJs(VALID_VALUE_LINE_ERE);
const HEADER_LINE = toJs(HEADER_LINES_ERE);
const BLANK_LINE = /^[ \t]*\r?$/;

export type ContentRuleError =
  | { readonly code: 'content-outside-settings'; readonly line: number }
  | { readonly code: 'content-value-out-of-range'; readonly line: number }
  | { readonly code: 'delete-not-only-settings'; readonly line: number }
  | { readonly code: 'new-file-too-large'; readonly line: number };

export type ContentRuleResult =
  { readonly ok: true } | { readonly ok: false; readonly error: ContentRuleError };

/** Lines as grep sees them: split on "\n", without the empty piece after a final "\n". */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines a change must keep, each with its 1-based line number in `lines`. */
function keptLines(lines: readonly string[], mayGo: RegExp): { text: string; line: number }[] {
  return lines.flatMap((text, i) =>
    mayGo.test(text) || HEADER_LINE.test(text) ? [] : [{ text, line: i + 1 }],
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
): ContentRuleResult {
  if (newText === null) {
    const rest = keptLines(linesOf(oldText ?? ''), ANY_VALUE_LINE).find(
      (l) => !BLANK_LINE.test(l.text),
    );
    return rest
      ? { ok: false, error: { code: 'delete-not-only-settings', line: rest.line } }
      : { ok: true };
  }
  if (oldText === null && Buffer.byteLength(newText, 'latin1') > MAX_NEW_FILE_BYTES)
    return { ok: false, error: { code: 'new-file-too-large', line: 1 } };
  const oldLines = linesOf(oldText ?? '');
  const newLines = linesOf(newText);
  const oldSettingLines = new Set(oldLines.filter((l) => ANY_VALUE_LINE.test(l)));
  // A new line that sets a key must hold a value in range, unless it was there before
  // word for word (someone else's line the change leaves alone).
  for (const [i, text] of newLines.entries()) {
    if (ANY_VALUE_LINE.test(text) && !VALID_VALUE_LINE.test(text) && !oldSettingLines.has(text))
      return { ok: false, error: { code: 'content-value-out-of-range', line: i + 1 } };
  }
  const now = keptLines(newLines, ANY_VALUE_LINE);
  const differs = firstDifference(keptLines(oldLines, ANY_VALUE_LINE), now);
  if (differs === null) return { ok: true };
  // A last line without a line break gets one when a line is added after it: in a CRLF
  // file that break is "\r\n", and the CR, which both engines strip, joins that line.
  if (oldText !== null && oldText !== '' && !oldText.endsWith('\n')) {
    const withCr = keptLines(linesOf(`${oldText}\r`), ANY_VALUE_LINE);
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
