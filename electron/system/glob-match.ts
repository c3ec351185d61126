/**
 * Matches one path component against a glob(3) pattern with `*` and `?`, in
 * time linear in the name for a given pattern: the classic greedy match that
 * remembers only the last `*`, so ten stars cost ten times one, never 2^10.
 * (A regular expression with `.*` per star backtracks exponentially.)
 * `[` classes are taken literally, as the callers' patterns never need them.
 */
export function globMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = n;
    } else if (c !== undefined && (c === '?' || c === name[n])) {
      p += 1;
      n += 1;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

export function hasGlob(segment: string): boolean {
  return /[*?]/.test(segment);
}
