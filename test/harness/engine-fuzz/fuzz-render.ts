import type { Slot } from './fuzz-lines';
import type { FuzzTree } from './fuzz-tree';

/**
 * An entry as the runner in the namespace lays it: content as base64 of its bytes,
 * paths and link targets as byte text (one character per byte, see fuzz-names.ts).
 */
export type LaidEntry =
  | { readonly path: string; readonly kind: 'file'; readonly base64: string }
  | { readonly path: string; readonly kind: 'link'; readonly target: string }
  | { readonly path: string; readonly kind: 'dir' }
  | { readonly path: string; readonly kind: 'fifo' };

export interface RenderedTree {
  readonly entries: readonly LaidEntry[];
  /** Tagged variant only: tag value -> the file and 1-based line holding it. */
  readonly tags: ReadonlyMap<number, { readonly path: string; readonly line: number }>;
}

function notation(n: number, format: Slot['format']): string {
  if (format === 'oct') return `0${n.toString(8)}`;
  if (format === 'hex') return `0x${n.toString(16)}`;
  return String(n);
}

/**
 * The tree as written, or its tagged variant: every value the kernel may take
 * becomes a number of its own (1, 2, 3, ... in the same notation), so the value
 * the kernel ends up with names the line that won. ip_nonlocal_bind stores
 * 0..255, so up to 255 tags fit, and 0 means "no line was taken".
 */
export function renderTree(tree: FuzzTree, tagged: boolean): RenderedTree {
  const tags = new Map<number, { path: string; line: number }>();
  const entries = tree.entries.map((entry): LaidEntry => {
    if (entry.kind !== 'file') return entry;
    let text = '';
    for (const piece of entry.pieces) {
      if (typeof piece === 'string') {
        text += piece;
        continue;
      }
      const slot = tree.slots[piece.slot];
      if (!slot) throw new Error(`tree ${tree.id}: no slot ${piece.slot}`);
      const tag = piece.slot + 1;
      if (tagged) tags.set(tag, { path: entry.path, line: text.split('\n').length });
      text += notation(tagged ? tag : slot.original, slot.format);
    }
    return {
      path: entry.path,
      kind: 'file',
      base64: Buffer.from(text, 'latin1').toString('base64'),
    };
  });
  if (tree.slots.length > 255) throw new Error(`tree ${tree.id}: more than 255 values to tag`);
  return { entries, tags };
}

/** Follows the tree's own links from a path to the file that holds the text. */
export function resolveInTree(entries: readonly LaidEntry[], path: string): string {
  let current = path;
  for (let hops = 0; hops < 10; hops += 1) {
    const entry = entries.find((e) => e.path === current);
    if (!entry || entry.kind !== 'link') return current;
    current = entry.target.startsWith('/')
      ? entry.target
      : `${current.slice(0, current.lastIndexOf('/'))}/${entry.target}`.replace(
          /\/[^/]+\/\.\.\//g,
          '/',
        );
  }
  return current;
}
