import { CLASSES, type LineContext } from './fuzz-lines';
import type { Random } from './random';

/**
 * File names and special entries for the differential test. Paths and names are
 * byte text (one character per byte), so a name that is not UTF-8 is laid down
 * by its bytes, as a hostile package or an old tool would leave it.
 */
const bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

export const NAMES = [
  '10-a.conf',
  '50-ha.conf',
  '60-vip.conf',
  '90-late.conf',
  '99-sysctl.conf',
  '99-zz.conf',
  'a b.conf',
  'Z-upper.conf',
];
export const HIDDEN_NAMES = ['.hidden.conf', '.conf', '.50-ha.conf'];
export const BYTE_ORDER_NAMES = ['\u{1F600}.conf', '\uFF5A.conf', '\u00E9.conf', 'zz.conf'].map(
  bytes,
);
/** Not UTF-8: Latin-1 bytes, a lone lead byte, 0xFF. Each shows differently with U+FFFD. */
export const NOT_UTF8_NAMES = ['\xFF.conf', 'a\xE9.conf', '50-h\xE4\xE4.conf', '\xC3(.conf'];
/**
 * Names procps hands to glob(3) (GLOB_NOCHECK | GLOB_BRACE): each reads other
 * files of its directory, or itself when nothing matches.
 */
export const GLOB_NAMES = [
  '*.conf',
  '?0-a.conf',
  '[0-9]*.conf',
  '[!1]*.conf',
  '9?-*.conf',
  '{10-a,90-late}.conf',
  '{90-late,x,10-a}.conf',
  '{x,y}.conf',
  '1\\0-a.conf',
  '\\*.conf',
  'a\\ b.conf',
  '[a].conf',
];

/** A name for one entry of a tree; records the classes it brings. */
export function pickName(random: Random, ctx: LineContext, used: readonly string[]): string {
  if (used.length > 0 && random.chance(0.3)) return random.pick(used);
  if (ctx.ordinary) return random.pick(NAMES);
  return random.weighted<() => string>([
    [30, () => random.pick(NAMES)],
    [4, () => (ctx.classes.add(CLASSES.hidden), random.pick(HIDDEN_NAMES))],
    [4, () => (ctx.classes.add(CLASSES.byteOrder), random.pick(BYTE_ORDER_NAMES))],
    [3, () => (ctx.classes.add(CLASSES.notUtf8), random.pick(NOT_UTF8_NAMES))],
    [5, () => (ctx.classes.add(CLASSES.nameGlob), random.pick(GLOB_NAMES))],
  ])();
}

/** Devices other than /dev/null: systemd reads them forever, procps until memory runs out. */
export const DEVICES = ['/dev/zero', '/dev/urandom', '/dev/full'];

/** Above the reader's 4 MiB cap (MAX_CONFIG_BYTES): the model must not guess. */
export const HUGE_BYTES = 4 * 1024 * 1024 + 64;
/** Above the reader's 2,000 files per directory (MAX_FILES_PER_DIRECTORY). */
export const MANY_FILES = 2001;

export const CREDENTIAL_PATH = '/etc/credstore/sysctl.extra';
