import { utf8ToByteText } from '../../electron/system/engines/byte-text';
import { findOurLines } from '../../electron/system/engines/our-lines';
import { tokenizeSysctl } from '../../electron/system/engines/tokenize';

const KEYS = ['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind'];

/** The file's '\n'-separated lines (each with its '\n'), and which of them either engine reads as our keys. */
function classify(text: string): { lines: string[]; ours: boolean[] } {
  const bytes = utf8ToByteText(text);
  const tokens = tokenizeSysctl(bytes);
  const ours = new Set(
    KEYS.flatMap((k) => findOurLines(bytes, tokens, k).map((o) => o.line.number)),
  );
  return {
    lines: tokens.lines.map((l) => bytes.slice(l.start, l.end)),
    ours: tokens.lines.map((l) => ours.has(l.number)),
  };
}

/**
 * Why an edit changed a byte it must not, or null. Every line that no engine
 * reads as our key must still be there, in order and byte for byte; every other
 * line of the result must be our key's (as set) or one of our lines with '#'
 * put in front of our statements (a line a lone CR or NUL splits).
 */
export function checkOnlyOurLinesChanged(before: string, after: string): string | null {
  const b = classify(before);
  const a = classify(after);
  // One of our lines with '#' put in (and, if it was last, the line end an appended line needs).
  const ourOriginals = new Set(
    b.lines
      .filter((_, i) => b.ours[i])
      .flatMap((l) => {
        const o = l.replace(/#/g, '');
        return [o, `${o}\n`, `${o}\r\n`];
      }),
  );
  const explained = (j: number) =>
    a.ours[j] === true || ourOriginals.has((a.lines[j] as string).replace(/#/g, ''));
  // A last line without '\n' may gain the line end that separates an appended line.
  const same = (afterLine: string, beforeLine: string) =>
    afterLine === beforeLine ||
    (!beforeLine.endsWith('\n') &&
      (afterLine === `${beforeLine}\n` || afterLine === `${beforeLine}\r\n`));
  let j = 0;
  for (let i = 0; i < b.lines.length; i += 1) {
    if (b.ours[i]) continue;
    const line = b.lines[i] as string;
    while (j < a.lines.length && !same(a.lines[j] as string, line)) {
      if (!explained(j))
        return `line ${j + 1} of the result is neither ours nor in the original: ${JSON.stringify(a.lines[j]?.slice(0, 120))}`;
      j += 1;
    }
    if (j === a.lines.length)
      return `a line that is not ours went missing: ${JSON.stringify(line.slice(0, 120))}`;
    j += 1;
  }
  for (; j < a.lines.length; j += 1) {
    if (!explained(j))
      return `line ${j + 1} of the result is neither ours nor in the original: ${JSON.stringify(a.lines[j]?.slice(0, 120))}`;
  }
  return null;
}
