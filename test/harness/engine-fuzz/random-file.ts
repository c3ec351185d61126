import { line, lineEnd, longLine, type LineContext, type Piece } from './fuzz-lines';
import { createRandom } from './random';

/**
 * One random sysctl file as UTF-8 text, from the differential test's line
 * vocabulary (every class of issue #12), with the values as written. Files that
 * are not valid UTF-8 come back as null: the app refuses to edit those.
 */
export function generateEditableFile(
  seed: number,
  index: number,
  longLines: boolean,
): string | null {
  const random = createRandom((seed * 2_000_003 + index * 104_729) >>> 0);
  const ctx: LineContext = { random, slots: [], classes: new Set(), ordinary: random.chance(0.15) };
  const pieces: Piece[] = [];
  const count = random.int(0, 12);
  for (let i = 0; i < count; i += 1) {
    if (longLines && random.chance(0.1)) pieces.push(...longLine(ctx), '\n');
    pieces.push(...line(ctx));
    if (i < count - 1 || random.chance(0.8)) pieces.push(lineEnd(ctx));
  }
  const text = pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      const slot = ctx.slots[p.slot];
      if (!slot) return '';
      const n = slot.original;
      return slot.format === 'oct'
        ? `0${n.toString(8)}`
        : slot.format === 'hex'
          ? `0x${n.toString(16)}`
          : String(n);
    })
    .join('');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      Buffer.from(text, 'latin1'),
    );
  } catch {
    return null;
  }
}
