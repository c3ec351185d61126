import {
  isGlobKey,
  keyComponents,
  procpsNamesKey,
  procpsPath,
  systemdNamesKey,
  systemdNormalize,
} from './key-path';
import type { PhysicalLine } from './physical-lines';
import type { Statement } from './statement';
import type { TokenizedFile } from './tokenize';

/**
 * A line that at least one engine reads as one of our keys (the key itself in
 * any spelling, with a value or as a "-key" negation; pattern lines are not a
 * key's own lines). This is the editor's idea of "our line", and so exactly what
 * an edit may change.
 */
export interface OurLine {
  readonly line: PhysicalLine;
  readonly key: string;
  /** systemd's statements on this line that name the key (several after a lone CR or NUL). */
  readonly systemd: readonly Statement[];
  readonly procps: Statement | null;
  /** One statement for both engines: no CR or NUL inside the line. */
  readonly simple: boolean;
  /** Simple, and both engines read it as an assignment of the key: its value can be set in place. */
  readonly shared: boolean;
}

function isSimple(text: string, line: PhysicalLine): boolean {
  const content = text.slice(line.start, line.contentEnd);
  const body = content.endsWith('\r') ? content.slice(0, -1) : content;
  return !body.includes('\r') && !body.includes('\0');
}

export function namesKeyForSystemd(st: Statement, key: string): boolean {
  const normalized = systemdNormalize(st.key);
  return !isGlobKey(normalized) && systemdNamesKey(normalized, keyComponents(key));
}

export function namesKeyForProcps(st: Statement, key: string): boolean {
  const path = procpsPath(st.key);
  return !isGlobKey(path) && procpsNamesKey(path, keyComponents(key));
}

export function findOurLines(text: string, tokens: TokenizedFile, key: string): OurLine[] {
  const systemd = new Map<number, Statement[]>();
  for (const st of tokens.systemd) {
    if (!namesKeyForSystemd(st, key)) continue;
    systemd.set(st.line, [...(systemd.get(st.line) ?? []), st]);
  }
  const procps = new Map<number, Statement>();
  for (const st of tokens.procps) if (namesKeyForProcps(st, key)) procps.set(st.line, st);
  const ours: OurLine[] = [];
  for (const line of tokens.lines) {
    const sd = systemd.get(line.number) ?? [];
    const pp = procps.get(line.number) ?? null;
    if (sd.length === 0 && pp === null) continue;
    const simple = isSimple(text, line);
    const shared =
      simple && sd.length === 1 && sd[0]?.kind === 'assignment' && pp?.kind === 'assignment';
    ours.push({ line, key, systemd: sd, procps: pp, simple, shared });
  }
  return ours;
}
