import { GLOBS, THROUGH_PARENT } from './fuzz-patterns';
import type { Random } from './random';

/**
 * Lines of sysctl files for the differential test, covering every class of
 * issue #12 and ordinary lines. Text is bytes (one character per byte), so
 * UTF-8 sequences appear as their bytes ("\xC2\xA0" is U+00A0).
 *
 * Only our two keys, patterns that can match nothing but them, and keys that
 * name no file are ever written: the engines run in a throw-away network
 * namespace, and must not touch anything else.
 */

/** A value the tagged variant replaces with a unique number, in the same notation. */
export interface Slot {
  readonly original: number;
  readonly format: 'dec' | 'oct' | 'hex';
}

export type Piece = string | { readonly slot: number };

export const CLASSES = {
  unreadable: '1 unreadable entry hides a lower file',
  hidden: '2 hidden file',
  byteOrder: '3 byte order of names',
  dashSpace: '4 dash then space',
  negation: '5 dash line without "="',
  glob: '6 glob line',
  kernel: '7 kernel value',
  spelling: '8 key spelling',
  whitespace: '9 whitespace',
  lineEnd: '10 line end',
  longLine: '11 line of 1 MiB or more',
  notUtf8: '12 name not UTF-8',
  fifo: '13 FIFO named *.conf',
  credential: '14 sysctl.extra credential',
  nameGlob: '15 procps globs the file name',
  throughParent: '16 pattern through ".."',
  device: '17 device named *.conf',
  readerCap: '18 reader cap (size, file count)',
  continuation: '19 backslash at line end',
  longPath: '20 key path of 4,096 bytes or more',
  ordinary: 'ordinary',
} as const;
export type FuzzClass = (typeof CLASSES)[keyof typeof CLASSES];

export interface LineContext {
  readonly random: Random;
  readonly slots: Slot[];
  readonly classes: Set<FuzzClass>;
  /** Ordinary trees use plain spellings only. */
  readonly ordinary: boolean;
}

const FAMILIES = ['ipv4', 'ipv6'] as const;

/** "net/ipv4////…/ip_nonlocal_bind" around 4,096 bytes with /proc/sys/: procps' stat() fails from there on. */
function longPath(ctx: LineContext, family: string): string {
  ctx.classes.add(CLASSES.longPath);
  const total = ctx.random.int(4090, 4100);
  return `net/${family}${'/'.repeat(total - '/proc/sys/net/ipv4ip_nonlocal_bind'.length)}ip_nonlocal_bind`;
}

const LONG_PATH = '(long path)';

function spell(ctx: LineContext, family: string): string {
  const dotted = `net.${family}.ip_nonlocal_bind`;
  if (ctx.ordinary)
    return ctx.random.weighted([
      [6, dotted],
      [1, `net/${family}/ip_nonlocal_bind`],
    ]);
  const spelled = ctx.random.weighted<string>([
    [10, dotted],
    [3, `net/${family}/ip_nonlocal_bind`],
    [2, `/net/${family}/ip_nonlocal_bind`],
    [2, `net//${family}/ip_nonlocal_bind`],
    [2, `net.${family}..ip_nonlocal_bind`],
    [2, `${dotted}.`],
    [1, `net/${family}/ip_nonlocal_bind/`],
    [1, `net/${family}/../${family}/ip_nonlocal_bind`],
    [1, `net/./${family}/ip_nonlocal_bind`],
    [1, `net.${family}.ip_nonlocal_binds`],
    [1, `NET.${family}.ip_nonlocal_bind`],
    [1, LONG_PATH],
  ]);
  if (spelled === LONG_PATH) return longPath(ctx, family);
  if (spelled !== dotted) ctx.classes.add(CLASSES.spelling);
  return spelled;
}

/** Bytes before a line's first character. */
function prefix(ctx: LineContext): string {
  if (ctx.ordinary)
    return ctx.random.weighted([
      [8, ''],
      [1, '  '],
      [1, '\t'],
    ]);
  const p = ctx.random.weighted<string>([
    [14, ''],
    [2, '  '],
    [1, '\t'],
    [2, '\f'],
    [1, '\v'],
    [2, '\xEF\xBB\xBF'],
    [2, '\xC2\xA0'],
    [1, '\xA0'],
    [1, '\xE2\x80\xA8'],
    [1, '\r'],
  ]);
  if (p !== '' && p !== '  ' && p !== '\t') ctx.classes.add(CLASSES.whitespace);
  return p;
}

function equals(ctx: LineContext): string {
  if (ctx.ordinary) return ctx.random.pick([' = ', '=', ' =  ']);
  const e = ctx.random.weighted<string>([
    [6, ' = '],
    [3, '='],
    [1, '\t=\t'],
    [1, ' \f= '],
    [1, '\v='],
  ]);
  if (e.includes('\f') || e.includes('\v')) ctx.classes.add(CLASSES.whitespace);
  return e;
}

function slot(ctx: LineContext, original: number, format: Slot['format']): Piece {
  ctx.slots.push({ original, format });
  return { slot: ctx.slots.length - 1 };
}

/** A value: usually a number the kernel takes (a slot), sometimes one it refuses. */
function value(ctx: LineContext): Piece[] {
  const { random } = ctx;
  if (ctx.ordinary) return [slot(ctx, random.pick([0, 1]), 'dec')];
  const kind = random.weighted<'plain' | 'notation' | 'spaced' | 'refused'>([
    [10, 'plain'],
    [2, 'notation'],
    [3, 'spaced'],
    [3, 'refused'],
  ]);
  const original = random.weighted([
    [8, random.pick([0, 1])],
    [1, random.pick([2, 7, 255])],
  ]);
  if (kind === 'plain') return [slot(ctx, original, 'dec')];
  ctx.classes.add(CLASSES.kernel);
  if (kind === 'notation') return [slot(ctx, original, random.pick(['oct', 'hex'] as const))];
  if (kind === 'spaced') {
    const before = random.pick(['', '\f', '\v', '\xA0', '\t']);
    const after = random.pick(['', ' ', '\t', '\f', '\v', ' junk', '\tx', ' 0']);
    if (/[\f\v\xA0]/.test(before + after)) ctx.classes.add(CLASSES.whitespace);
    return [before, slot(ctx, original, 'dec'), after];
  }
  return [
    random.pick([
      'yes',
      '',
      '+1',
      '08',
      '09',
      '1.0',
      '256',
      '1000',
      '-1',
      '-0',
      '0x',
      '1,0',
      '\xC2\xA01',
      '\xD9\xA1',
      'true',
      '00000000000000000000001',
    ]),
  ];
}

/** A line that assigns one of our keys, or a pattern matching them. */
function assignment(ctx: LineContext): Piece[] {
  const { random } = ctx;
  const glob = !ctx.ordinary && random.chance(0.15);
  let key: string;
  if (glob && random.chance(0.3)) {
    ctx.classes.add(CLASSES.throughParent);
    key = random.pick(THROUGH_PARENT);
  } else if (glob) {
    ctx.classes.add(CLASSES.glob);
    key = random.pick(GLOBS);
  } else {
    key = spell(ctx, random.pick(FAMILIES));
  }
  let dash = '';
  if (!ctx.ordinary) {
    dash = random.weighted<string>([
      [12, ''],
      [3, '-'],
      [2, '- '],
      [1, '-\t'],
      [1, '--'],
    ]);
    if (dash.length > 1) ctx.classes.add(CLASSES.dashSpace);
  }
  return [prefix(ctx), dash, key, equals(ctx), ...value(ctx)];
}

/** `-key` with no `=`: systemd drops the key, procps only keeps patterns off it. */
function negation(ctx: LineContext): Piece[] {
  ctx.classes.add(CLASSES.negation);
  const { random } = ctx;
  const key = random.chance(0.2)
    ? (ctx.classes.add(CLASSES.glob), random.pick(GLOBS))
    : spell(ctx, random.pick(FAMILIES));
  return [
    prefix(ctx),
    random.weighted([
      [5, '-'],
      [1, '- '],
      [1, '--'],
    ]),
    key,
    random.pick(['', ' ', '\t']),
  ];
}

function otherLine(ctx: LineContext): Piece[] {
  const { random } = ctx;
  return [
    random.pick([
      '',
      '# a comment',
      '# net.ipv4.ip_nonlocal_bind = 1',
      '; net.ipv6.ip_nonlocal_bind = 1',
      'net.nonlocal_fuzz.noise = 1',
      'no equals sign here',
      '-',
      'x',
      '=',
      ...(ctx.ordinary ? [] : ['\f# net.ipv4.ip_nonlocal_bind = 1', '\xFF\xFE junk = 1', '  \t ']),
    ]),
  ];
}

/** A value split over two lines with a backslash: neither engine joins lines. */
function continuation(ctx: LineContext): Piece[] {
  ctx.classes.add(CLASSES.continuation);
  const key = spell(ctx, ctx.random.pick(FAMILIES));
  return ctx.random.pick<() => Piece[]>([
    () => [key, ' = \\\n', slot(ctx, 1, 'dec')],
    () => [key, ' = ', slot(ctx, 1, 'dec'), ' \\\n', key, ' = ', slot(ctx, 0, 'dec')],
    () => [key, ' \\\n= ', slot(ctx, 1, 'dec')],
  ])();
}

/** A line of a megabyte or more: systemd-sysctl stops reading the file there, procps does not. */
export function longLine(ctx: LineContext): Piece[] {
  ctx.classes.add(CLASSES.longLine);
  const length = ctx.random.pick([1024 * 1024 - 3, 1024 * 1024, 1024 * 1024 + 200]);
  return [`# ${'x'.repeat(length - 2)}`];
}

export function line(ctx: LineContext): Piece[] {
  return ctx.random.weighted<() => Piece[]>([
    [10, () => assignment(ctx)],
    [ctx.ordinary ? 0 : 2, () => negation(ctx)],
    [ctx.ordinary ? 0 : 0.5, () => continuation(ctx)],
    [3, () => otherLine(ctx)],
  ])();
}

/** What ends a line: mostly '\n', sometimes what splits the engines. */
export function lineEnd(ctx: LineContext): string {
  if (ctx.ordinary)
    return ctx.random.weighted([
      [9, '\n'],
      [1, '\r\n'],
    ]);
  const end = ctx.random.weighted<string>([
    [20, '\n'],
    [3, '\r\n'],
    [2, '\r'],
    [2, '\0'],
    [1, '\0\n'],
    [1, '\n\r'],
  ]);
  if (end !== '\n' && end !== '\r\n') ctx.classes.add(CLASSES.lineEnd);
  return end;
}
