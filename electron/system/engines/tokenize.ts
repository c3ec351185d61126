import type { ByteText } from './byte-text';
import { splitPhysicalLines, type PhysicalLine } from './physical-lines';
import { readAsProcps } from './procps-reading';
import type { Statement } from './statement';
import { readAsSystemd } from './systemd-reading';

/**
 * The one tokenizer for sysctl files, shared by the boot model, the editor,
 * the conflict check and the diagnostics.
 *
 * The two engines split and strip lines differently (see systemd-reading.ts and
 * procps-reading.ts), so a file is not one list of assignments: it is two
 * readings of the same bytes, and each consumer uses the reading of the engine
 * it is asking about.
 */
export interface TokenizedFile {
  readonly lines: readonly PhysicalLine[];
  readonly systemd: readonly Statement[];
  readonly procps: readonly Statement[];
  /** systemd-sysctl stops reading this file here (a line of 1 MiB or more); procps reads on. */
  readonly systemdStop: { readonly line: number; readonly offset: number } | null;
}

export function tokenizeSysctl(text: ByteText): TokenizedFile {
  const lines = splitPhysicalLines(text);
  const systemd = readAsSystemd(text, lines);
  return {
    lines,
    systemd: systemd.statements,
    procps: readAsProcps(text, lines),
    systemdStop: systemd.stop,
  };
}
