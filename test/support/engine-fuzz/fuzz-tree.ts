import {
  CLASSES,
  line,
  lineEnd,
  longLine,
  type FuzzClass,
  type LineContext,
  type Piece,
  type Slot,
} from './fuzz-lines';
import { createRandom, type Random } from './random';

/** One entry laid onto a real path in the namespace. */
export type FuzzEntry =
  | { readonly path: string; readonly kind: 'file'; readonly pieces: readonly Piece[] }
  | { readonly path: string; readonly kind: 'link'; readonly target: string }
  | { readonly path: string; readonly kind: 'dir' };

export interface FuzzTree {
  readonly id: string;
  readonly entries: readonly FuzzEntry[];
  readonly slots: readonly Slot[];
  readonly classes: readonly FuzzClass[];
}

const DIRECTORIES = [
  [8, '/etc/sysctl.d'],
  [2, '/run/sysctl.d'],
  [2, '/usr/local/lib/sysctl.d'],
  [4, '/usr/lib/sysctl.d'],
] as const;

const NAMES = [
  '10-a.conf',
  '50-ha.conf',
  '60-vip.conf',
  '90-late.conf',
  '99-sysctl.conf',
  '99-zz.conf',
  'a b.conf',
  'Z-upper.conf',
];
const HIDDEN_NAMES = ['.hidden.conf', '.conf', '.50-ha.conf'];
const BYTE_ORDER_NAMES = ['\u{1F600}.conf', '\uFF5A.conf', '\u00E9.conf', 'zz.conf'];

function fileContent(ctx: LineContext, lines: number, long: boolean): Piece[] {
  const pieces: Piece[] = [];
  const longAt = long ? ctx.random.int(0, lines) : -1;
  for (let i = 0; i <= lines; i += 1) {
    if (i === longAt) pieces.push(...longLine(ctx), '\n');
    if (i === lines) break;
    pieces.push(...line(ctx));
    // The last line may lack its end.
    if (i < lines - 1 || ctx.random.chance(0.85)) pieces.push(lineEnd(ctx));
  }
  return pieces;
}

function pickName(random: Random, ctx: LineContext, used: readonly string[]): string {
  if (used.length > 0 && random.chance(0.3)) return random.pick(used);
  if (!ctx.ordinary && random.chance(0.12)) {
    ctx.classes.add(CLASSES.hidden);
    return random.pick(HIDDEN_NAMES);
  }
  if (!ctx.ordinary && random.chance(0.12)) {
    ctx.classes.add(CLASSES.byteOrder);
    return random.pick(BYTE_ORDER_NAMES);
  }
  return random.pick(NAMES);
}

/** An entry that is not a readable file: it sets nothing, yet hides same-named lower files. */
function unreadable(random: Random, path: string): FuzzEntry {
  return random.weighted<FuzzEntry>([
    [2, { path, kind: 'dir' }],
    [2, { path, kind: 'link', target: '/nonexistent/sysctl.conf' }],
    [1, { path, kind: 'link', target: path.slice(path.lastIndexOf('/') + 1) }],
    [2, { path, kind: 'link', target: '/dev/null' }],
  ]);
}

/** A seeded random tree of sysctl sources: the same (seed, index) always gives the same tree. */
export function generateTree(seed: number, index: number): FuzzTree {
  const random = createRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const ordinary = random.chance(0.2);
  const ctx: LineContext = { random, slots: [], classes: new Set(), ordinary };
  const entries: FuzzEntry[] = [];
  const taken = new Set<string>();
  const names: string[] = [];
  const files: string[] = [];
  const count = random.int(1, 6);
  for (let i = 0; i < count; i += 1) {
    const dir = random.weighted(DIRECTORIES);
    const name = pickName(random, ctx, names);
    const path = `${dir}/${name}`;
    if (taken.has(path)) continue;
    taken.add(path);
    names.push(name);
    if (!ordinary && random.chance(0.15)) {
      ctx.classes.add(CLASSES.unreadable);
      entries.push(unreadable(random, path));
      continue;
    }
    if (!ordinary && files.length > 0 && random.chance(0.08)) {
      entries.push({ path, kind: 'link', target: random.pick(files) });
      continue;
    }
    const long = !ordinary && random.chance(0.03);
    entries.push({ path, kind: 'file', pieces: fileContent(ctx, random.int(0, 7), long) });
    files.push(path);
  }
  // /etc/sysctl.conf and Debian's link to it.
  const conf = random.weighted<'absent' | 'file' | 'link'>([
    [3, 'absent'],
    [5, 'file'],
    [ordinary ? 0 : 1, 'link'],
  ]);
  if (conf === 'file')
    entries.push({
      path: '/etc/sysctl.conf',
      kind: 'file',
      pieces: fileContent(ctx, random.int(0, 5), false),
    });
  if (conf === 'link' && files.length > 0)
    entries.push({ path: '/etc/sysctl.conf', kind: 'link', target: random.pick(files) });
  if (!taken.has('/etc/sysctl.d/99-sysctl.conf') && random.chance(0.4)) {
    entries.push({ path: '/etc/sysctl.d/99-sysctl.conf', kind: 'link', target: '../sysctl.conf' });
    if (conf !== 'file') ctx.classes.add(CLASSES.unreadable);
  }
  if (ordinary) ctx.classes.add(CLASSES.ordinary);
  return { id: `${seed}:${index}`, entries, slots: ctx.slots, classes: [...ctx.classes].sort() };
}
