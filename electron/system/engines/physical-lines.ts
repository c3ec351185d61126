/**
 * The file's '\n'-separated lines: the unit procps reads (getline), the unit
 * the editor keeps or changes, and the line numbers the app shows.
 */
export interface PhysicalLine {
  /** 1-based. */
  readonly number: number;
  readonly start: number;
  /** End of the content, before the '\n' (or the end of the file). */
  readonly contentEnd: number;
  /** After the '\n', if any: the next line starts here. */
  readonly end: number;
}

export function splitPhysicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const contentEnd = nl === -1 ? text.length : nl;
    const end = nl === -1 ? text.length : nl + 1;
    lines.push({ number: lines.length + 1, start, contentEnd, end });
    start = end;
  }
  return lines;
}

/** The 1-based physical line holding byte `offset`, for offsets met in increasing order. */
export function lineLocator(lines: readonly PhysicalLine[]): (offset: number) => number {
  let index = 0;
  return (offset) => {
    while (index + 1 < lines.length && (lines[index + 1]?.start ?? Infinity) <= offset) index += 1;
    return lines[index]?.number ?? 1;
  };
}
