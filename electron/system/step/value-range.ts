/**
 * An ERE (no intervals, so every POSIX awk and grep reads it) that matches exactly the
 * decimal numbers from min to max, written as the kernel prints and accepts them: no
 * sign, no leading zeros. For 0..255 it is 0-9, 10-99, 100-199, 200-249, 250-255.
 */
export function integerRangeEre(min: number, max: number): string {
  const parts: string[] = [];
  for (let digits = String(min).length; digits <= String(max).length; digits += 1) {
    const low = Math.max(min, digits === 1 ? 0 : 10 ** (digits - 1));
    const high = Math.min(max, 10 ** digits - 1);
    if (low <= high) parts.push(...sameLength(String(low), String(high)));
  }
  return `(${parts.join('|')})`;
}

/** EREs for the numbers from lo to hi, two digit strings of the same length, lo <= hi. */
function sameLength(lo: string, hi: string): string[] {
  if (lo === hi) return [lo];
  if (/^0*$/.test(lo) && /^9*$/.test(hi)) return ['[0-9]'.repeat(lo.length)];
  const [a, b] = [Number(lo[0]), Number(hi[0])];
  if (lo.length === 1) return [`[${a}-${b}]`];
  const restLo = lo.slice(1);
  const restHi = hi.slice(1);
  if (a === b) return sameLength(restLo, restHi).map((p) => `${a}${p}`);
  const any = '[0-9]'.repeat(restLo.length);
  return [
    ...sameLength(restLo, '9'.repeat(restLo.length)).map((p) => `${a}${p}`),
    ...(b - a >= 2 ? [`[${a + 1}-${b - 1}]${any}`] : []),
    ...sameLength('0'.repeat(restHi.length), restHi).map((p) => `${b}${p}`),
  ];
}
