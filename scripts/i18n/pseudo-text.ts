/**
 * The two pseudo-locales, as transforms of one text segment of an English message.
 * Placeholders, plural/select syntax and `#` never reach these functions (the
 * message compiler hands over text only); the <0>…</0> element tags of <Trans>
 * messages do, so they are kept as they are.
 */

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Target length over English: German runs about a third longer, so 40% is a fair worst case. */
export const PSEUDO_LONG_FACTOR = 1.4;

const ELEMENT_TAG = /(<\/?\d+\/?>)/;
const HAS_LETTER = /\p{L}/u;

function mapOutsideTags(text: string, map: (plain: string) => string): string {
  return text
    .split(ELEMENT_TAG)
    .map((part, index) => (index % 2 === 1 || !HAS_LETTER.test(part) ? part : map(part)))
    .join('');
}

/**
 * Accented, vowels doubled (longer words, as German compounds are), then padded
 * with "~" to 40% over the English length, so wrapping and clipping show up.
 */
function lengthen(plain: string): string {
  let out = '';
  for (const char of plain) {
    const accented = ACCENTED[char] ?? char;
    out += /[aeiouAEIOU]/.test(char) ? accented + accented : accented;
  }
  const target = Math.ceil(plain.length * PSEUDO_LONG_FACTOR);
  const missing = target - out.length;
  return missing > 1 ? `${out} ${'~'.repeat(missing - 1)}` : out;
}

export function pseudoLong(text: string): string {
  return mapOutsideTags(text, lengthen);
}

/**
 * Right-to-left: each run of text inside RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL
 * FORMATTING, so Latin letters are laid out right to left as a real RTL script is.
 * Placeholder values (paths, commands) stay outside the override, left to right.
 */
export function pseudoRtl(text: string): string {
  return mapOutsideTags(text, (plain) => `\u202E${plain}\u202C`);
}

export const PSEUDO_TEXT: Readonly<Record<'pseudo-long' | 'pseudo-rtl', (text: string) => string>> =
  { 'pseudo-long': pseudoLong, 'pseudo-rtl': pseudoRtl };

/** The text transform of a pseudo-locale; undefined for a real language. */
export function pseudoTextOf(locale: string): ((text: string) => string) | undefined {
  return Object.hasOwn(PSEUDO_TEXT, locale)
    ? PSEUDO_TEXT[locale as keyof typeof PSEUDO_TEXT]
    : undefined;
}
