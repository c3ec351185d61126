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
import { CREDENTIAL_PATH, DEVICES, HUGE_BYTES, MANY_FILES, pickName } from './fuzz-names';
import { createRandom, type Random } from './random';

/** One entry laid onto a real path in the namespace; paths are byte text (fuzz-names.ts). */
export type FuzzEntry =
  | { readonly path: string; readonly kind: 'file'; readonly pieces: readonly Piece[] }
  | { readonly path: string; readonly kind: 'link'; readonly target: string }
  | { readonly path: string; readonly kind: 'dir' }
  | { readonly path: string; readonly kind: 'fifo' };

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

/**
 * An entry that is not a readable file: most set nothing yet hide same-named lower
 * files; a FIFO blocks both engines; a device leaves the outcome unknown.
 */
function unreadable(random: Random, ctx: LineContext, path: string): FuzzEntry {
  return random.weighted<() => FuzzEntry>([
    [2, () => ({ path, kind: 'dir' })],
    [2, () => ({ path, kind: 'link', target: '/nonexistent/sysctl.conf' })],
    [1, () => ({ path, kind: 'link', target: path.slice(path.lastIndexOf('/') + 1) })],
    [2, () => ({ path, kind: 'link', target: '/dev/null' })],
    [1, () => ({ path, kind: 'link', target: '../../dev/null' })],
    [1.5, () => (ctx.classes.add(CLASSES.fifo), { path, kind: 'fifo' })],
    [
      1.5,
      () => (ctx.classes.add(CLASSES.device), { path, kind: 'link', target: random.pick(DEVICES) }),
    ],
  ])();
}

/** Rarely, what the reader's caps leave out: one file over 4 MiB, or 2,001 files in one directory. */
function beyondReaderCaps(random: Random, ctx: LineContext, entries: FuzzEntry[]): void {
  if (ctx.ordinary || !random.chance(0.01)) return;
  ctx.classes.add(CLASSES.readerCap);
  if (random.chance(0.5)) {
    const comment = `# ${'x'.repeat(HUGE_BYTES)}\n`;
    entries.push({
      path: '/usr/lib/sysctl.d/40-huge.conf',
      kind: 'file',
      pieces: [comment, ...line(ctx), '\n'],
    });
    return;
  }
  for (let i = 0; i < MANY_FILES; i += 1) {
    entries.push({
      path: `/usr/lib/sysctl.d/m${String(i).padStart(4, '0')}.conf`,
      kind: 'file',
      pieces: [],
    });
  }
  entries.push({
    path: '/usr/lib/sysctl.d/m9999.conf',
    kind: 'file',
    pieces: [...line(ctx), '\n'],
  });
}

/** Sometimes systemd's sysctl.extra credential, which systemd-sysctl reads after every file. */
function credential(random: Random, ctx: LineContext, entries: FuzzEntry[]): void {
  if (ctx.ordinary || !random.chance(0.12)) return;
  ctx.classes.add(CLASSES.credential);
  entries.push({
    path: CREDENTIAL_PATH,
    kind: 'file',
    pieces: fileContent(ctx, random.int(1, 3), false),
  });
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
      entries.push(unreadable(random, ctx, path));
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
  const conf = random.weighted<'absent' | 'file' | 'link' | 'fifo'>([
    [3, 'absent'],
    [5, 'file'],
    [ordinary ? 0 : 1, 'link'],
    [ordinary ? 0 : 0.3, 'fifo'],
  ]);
  if (conf === 'fifo') {
    ctx.classes.add(CLASSES.fifo);
    entries.push({ path: '/etc/sysctl.conf', kind: 'fifo' });
  }
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
    if (conf !== 'file' && conf !== 'fifo') ctx.classes.add(CLASSES.unreadable);
  }
  credential(random, ctx, entries);
  beyondReaderCaps(random, ctx, entries);
  if (ordinary) ctx.classes.add(CLASSES.ordinary);
  return { id: `${seed}:${index}`, entries, slots: ctx.slots, classes: [...ctx.classes].sort() };
}
