/**
 * fnmatch(3) for one path component, as glob(3) uses it for each component of
 * a sysctl pattern (no FNM_PATHNAME needed: components never hold '/').
 *
 * `*` and `?` match any characters, `[...]` a set (`!` or `^` negates, `a-z`
 * ranges, `[:digit:]` classes), a backslash quotes the next character, and an
 * unclosed `[` is an ordinary character. As glob(3) does without GLOB_PERIOD, a
 * leading '.' in a name is only matched by a literal '.'.
 */
const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /[ \t\n\v\f\r]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
};

/** The set starting at pattern[i] === '[': its end (after ']') and whether `c` is in it; null if unclosed. */
function matchSet(pattern: string, i: number, c: string): { next: number; hit: boolean } | null {
  let j = i + 1;
  const negate = pattern[j] === '!' || pattern[j] === '^';
  if (negate) j += 1;
  let hit = false;
  let first = true;
  while (j < pattern.length) {
    const ch = pattern[j] as string;
    if (ch === ']' && !first) return { next: j + 1, hit: hit !== negate };
    first = false;
    if (ch === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      const test = close === -1 ? undefined : CLASSES[pattern.slice(j + 2, close)];
      if (close !== -1 && test) {
        if (test(c)) hit = true;
        j = close + 2;
        continue;
      }
    }
    let low = ch;
    if (ch === '\\' && j + 1 < pattern.length) {
      j += 1;
      low = pattern[j] as string;
    }
    if (pattern[j + 1] === '-' && j + 2 < pattern.length && pattern[j + 2] !== ']') {
      let high = pattern[j + 2] as string;
      let skip = 3;
      if (high === '\\' && j + 3 < pattern.length) {
        high = pattern[j + 3] as string;
        skip = 4;
      }
      if (low <= c && c <= high) hit = true;
      j += skip;
      continue;
    }
    if (low === c) hit = true;
    j += 1;
  }
  return null;
}

export function fnmatchComponent(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  // Iterative matching with one backtrack point for the last '*': linear enough for names.
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = -1;
  while (n < name.length) {
    const ch = pattern[p];
    const c = name[n] as string;
    if (ch === '*') {
      starP = p;
      starN = n;
      p += 1;
      continue;
    }
    if (ch !== undefined) {
      if (ch === '?') {
        p += 1;
        n += 1;
        continue;
      }
      if (ch === '[') {
        const set = matchSet(pattern, p, c);
        if (set) {
          if (set.hit) {
            p = set.next;
            n += 1;
            continue;
          }
        } else if (c === '[') {
          p += 1;
          n += 1;
          continue;
        }
      } else {
        const literal = ch === '\\' && p + 1 < pattern.length ? (pattern[p + 1] as string) : ch;
        if (literal === c) {
          p += ch === '\\' && p + 1 < pattern.length ? 2 : 1;
          n += 1;
          continue;
        }
      }
    }
    if (starP === -1) return false;
    p = starP + 1;
    starN += 1;
    n = starN;
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** Whether a component has an unquoted `*`, `?` or a closed `[...]`, as glob(3) decides per component. */
export function componentHasMagic(component: string): boolean {
  for (let i = 0; i < component.length; i += 1) {
    const ch = component[i];
    if (ch === '\\') i += 1;
    else if (ch === '*' || ch === '?') return true;
    else if (ch === '[' && component.indexOf(']', i + 2) !== -1) return true;
  }
  return false;
}

/** Removes glob quoting from a component without magic. */
export function unquoteComponent(component: string): string {
  return component.replace(/\\(.)/g, '$1');
}
