import { fnmatchComponent } from './fnmatch';

/**
 * procps' Preload() (src/sysctl.c) does not open a sysctl.d file by its name: it
 * hands "<dir>/<name>" to glob(3) with GLOB_NOCHECK | GLOB_BRACE | GLOB_TILDE and
 * reads every path that comes back, in order. So a file named `[a].conf`,
 * `*.conf`, `{a,b}.conf` or `a\b.conf` makes `sysctl --system` read other files
 * of the same directory (even ones a higher directory overrides) in its place.
 * The directory part is one of the fixed sysctl directories, with no magic, so
 * only the name is globbed, against the names in that one directory.
 *
 * glibc 2.36 (posix/glob.c), step by step:
 * - GLOB_BRACE: the first unescaped `{` with a well-formed `}` (nesting counted,
 *   next_brace_sub()) splits into alternatives; each alternative (prefix + alt +
 *   rest) is globbed on its own, WITHOUT GLOB_NOCHECK, results appended in
 *   alternative order, each call sorted on its own. If any matched, that is the
 *   answer; else the whole name goes on as if it had no braces, with GLOB_NOCHECK.
 * - A name with no magic at all (__glob_pattern_type() NONE) under GLOB_NOCHECK is
 *   returned as it is, untested; without GLOB_NOCHECK it is returned if lstat()
 *   finds it (a dangling link counts).
 * - Any magic, a backslash included (GLOBPAT_BACKSLASH), reads the directory and
 *   keeps the names fnmatch(FNM_PERIOD) matches, sorted by strcoll(); with none and
 *   GLOB_NOCHECK, the name itself, backslashes and all.
 * Then Preload() fopen()s each path; one that fails to open ends that name's
 * list (`return`), so the paths after it are not read.
 *
 * strcoll() and the meaning of `?` and `[...]` depend on the locale sysctl runs
 * in. The model takes C.UTF-8 (byte order, as systemd units and the tests use);
 * where `?` or a set could meet a non-ASCII byte, it does not guess.
 */
export type NameGlob =
  { readonly kind: 'names'; readonly names: readonly string[] } | { readonly kind: 'unknown' };

/** Names in byte text (one character per byte); `dirNames` every name in the directory. */
export function globProcpsName(name: string, dirNames: readonly string[]): NameGlob {
  if (!/[[*?{\\]/.test(name)) return { kind: 'names', names: [name] };
  const found: string[] = [];
  const braced = expandBraces(name);
  if (braced) {
    for (const alternative of braced) {
      const one = globOne(alternative, dirNames, false);
      if (one === null) return { kind: 'unknown' };
      found.push(...one);
    }
    if (found.length > 0) return { kind: 'names', names: found };
  }
  const whole = globOne(name, dirNames, true);
  return whole === null ? { kind: 'unknown' } : { kind: 'names', names: whole };
}

/** glibc's next_brace_sub(): index of the ',' or '}' ending the alternative at `i`, or -1. */
function nextBraceSub(p: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    } else if (c === ',' && depth === 0) return i;
    else if (c === '{') depth += 1;
    i += 1;
  }
  return -1;
}

/** Every alternative of the first brace expression, fully expanded; null when there is none. */
function expandBraces(p: string): string[] | null {
  let begin = -1;
  for (let i = 0; i < p.length; i += 1) {
    if (p[i] === '\\' && i + 1 < p.length) i += 1;
    else if (p[i] === '{') {
      begin = i;
      break;
    }
  }
  if (begin === -1) return null;
  const ends: number[] = [];
  let next = nextBraceSub(p, begin + 1);
  if (next === -1) return null;
  ends.push(next);
  while (p[next] !== '}') {
    next = nextBraceSub(p, next + 1);
    if (next === -1) return null;
    ends.push(next);
  }
  const rest = p.slice(next + 1);
  const out: string[] = [];
  let from = begin + 1;
  for (const end of ends) {
    const alternative = p.slice(0, begin) + p.slice(from, end) + rest;
    // glob() recurses with GLOB_BRACE still set: braces later on expand too.
    out.push(...(expandBraces(alternative) ?? [alternative]));
    from = end + 1;
  }
  return out;
}

/** __glob_pattern_type(): a backslash, `*`, `?`, or a `[` closed by a later `]`. */
function hasMagic(p: string): boolean {
  if (/[\\*?]/.test(p)) return true;
  const open = p.indexOf('[');
  return open !== -1 && p.indexOf(']', open + 1) !== -1;
}

/** One glob_in_dir() call: the names found (sorted), or null when the locale decides. */
function globOne(p: string, dirNames: readonly string[], noCheck: boolean): string[] | null {
  if (!hasMagic(p)) {
    if (noCheck || dirNames.includes(p)) return [p];
    return [];
  }
  // eslint-disable-next-line no-control-regex
  const ascii = (s: string) => /^[\x00-\x7f]*$/.test(s);
  const localeMatters = /[?[]/.test(p);
  if (!ascii(p) || (localeMatters && !dirNames.every(ascii))) return null;
  const matches = dirNames.filter((n) => fnmatchComponent(p, n));
  matches.sort((a, b) => Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')));
  if (matches.length === 0 && noCheck) return [p];
  return matches;
}
