import { createHash } from 'node:crypto';
import type { Catalogue } from '../settings';

/**
 * The per-setting pieces of the privileged step, generated from the catalogue: the step
 * names each setting by its key and keeps its values in numbered variables (setting i:
 * path p<i>, wanted value w<i> (0, 1 or - for "leave it"), old value o<i>, s<i> = yes once
 * written). Keys and paths are checked here, so nothing spliced into the script needs quoting.
 */

const SAFE_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** Under /proc/sys, parts of letters, digits, '_', '-' and inner dots; never '.' or '..'. */
const SAFE_PROC_PATH = /^\/proc\/sys(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+$/;
const DOT_PARTS = /\/\.\.?(\/|$)/;

/** sha256 of what procfs answers for a value written as 0 or 1: the read-back compares these. */
const valueHash = (v: string) => createHash('sha256').update(`${v}\n`).digest('hex');

export interface SettingPieces {
  /** p<i>=… and the starting values. */
  readonly declare: string;
  /** `case` arms for KEY=0 / KEY=1 arguments. */
  readonly argumentArms: string;
  /** Adds each wanted setting's path to "$@" (the old values are read in one cat). */
  readonly wantedPaths: string;
  /** The same paths, one a line, in $procs (the content check's awk reads them). */
  readonly wantedList: string;
  /** Takes each wanted setting's old value from $vals, in the same order. */
  readonly takeOld: string;
  /** Appends " KEY=WANT:OLD" to $rec for each wanted setting (the intent record). */
  readonly recordFields: string;
  /** `case` arms reading " KEY=WANT:OLD" fields of an intent record into rw<i>/ro<i>. */
  readonly recordArms: string;
  /** rw<i>=-; ro<i>=- */
  readonly recordReset: string;
  /** Each old value of a record within its setting's range (at most 10 digits first, as read). */
  readonly recordRanges: string;
  /** "$rw<i>" "$ro<i>" for every setting, to check them in one loop. */
  readonly recordWords: string;
  /** Writes what the record wanted (completed) … */
  readonly recoverForward: string;
  /** … or the old values back (rolled back). */
  readonly recoverBack: string;
  /** Appends " KEY=V" (V: the value read now, or -) to $line for every setting. */
  readonly recoveredValues: string;
  /** Writes each wanted value, rolling back on failure. */
  readonly writes: string;
  /** Puts back each value this run wrote. */
  readonly rollback: string;
  /** Adds each written setting's path to "$@" and its expected hash to $exp, with its key to $what. */
  readonly readBack: string;
}

export function settingPieces(catalogue: Catalogue): SettingPieces {
  const ids = new Set<string>();
  for (const s of catalogue) {
    if (!SAFE_KEY.test(s.key)) throw new Error(`unsafe catalogue key ${s.key}`);
    if (!SAFE_PROC_PATH.test(s.procPath) || DOT_PARTS.test(s.procPath))
      throw new Error(`unsafe catalogue path ${s.procPath}`);
    if (ids.has(s.key)) throw new Error(`the catalogue names ${s.key} twice`);
    ids.add(s.key);
  }
  const each = (f: (key: string, i: number, path: string) => string) =>
    catalogue.map((s, n) => f(s.key, n + 1, s.procPath)).join('\n');
  return {
    declare: each((_, i, path) => `p${i}="$R${path}"; w${i}=-; o${i}=; s${i}=no`),
    argumentArms: each(
      (key, i) =>
        `    ${key}=[01]) [ "$w${i}" = - ] || fail 64 "${key} is named twice"; w${i}=\${1#*=};;`,
    ),
    wantedPaths: each((_, i) => `[ "$w${i}" = - ] || set -- "$@" "$p${i}"`),
    wantedList: each((_, i) => `[ "$w${i}" = - ] || procs="$procs$p${i}$nl"`),
    takeOld: each(
      (_, i) => `[ "$w${i}" = - ] || { take_value || fail 69 "cannot read $p${i}"; o${i}=$v; }`,
    ),
    recordFields: each((key, i) => `[ "$w${i}" = - ] || rec="$rec ${key}=$w${i}:$o${i}"`),
    recordArms: each(
      (key, i) => `      ${key}=[01]:*) x=\${t#*=}; rw${i}=\${x%%:*}; ro${i}=\${x#*:};;`,
    ),
    recordReset: catalogue.map((_, n) => `rw${n + 1}=-; ro${n + 1}=-`).join('; '),
    recordRanges: catalogue
      .map(
        (entry, n) =>
          `    [ "$ro${n + 1}" = - ] || { [ "\${#ro${n + 1}}" -le 10 ] && [ "$ro${n + 1}" -ge ${entry.range.min} ] && [ "$ro${n + 1}" -le ${entry.range.max} ]; } || fail 70 "the intent record $intent is invalid"`,
      )
      .join('\n'),
    recordWords: catalogue.map((_, n) => `"$rw${n + 1}" "$ro${n + 1}"`).join(' '),
    recoverForward: each(
      (_, i) =>
        `      [ "$rw${i}" = - ] || printf '%s\\n' "$rw${i}" > "$p${i}" 2>/dev/null || ok=no`,
    ),
    recoverBack: each(
      (_, i) =>
        `      [ "$rw${i}" = - ] || [ "$ro${i}" = - ] || printf '%s\\n' "$ro${i}" > "$p${i}" 2>/dev/null || ok=no`,
    ),
    recoveredValues: each((key, i) => `  read_value "$p${i}" || v=; line="$line ${key}=\${v:--}"`),
    writes: each(
      (key, i) =>
        `if [ "$w${i}" != - ]; then write_value "$p${i}" "$w${i}" || rollback $? "setting ${key} failed"; s${i}=yes; fi`,
    ),
    rollback: each(
      (_, i) => `  [ "$s${i}" = no ] || printf '%s\\n' "$o${i}" > "$p${i}" 2>/dev/null || ok=no`,
    ),
    readBack: each(
      (key, i) =>
        `case "$w${i}" in 0) set -- "$@" "$p${i}"; exp="$exp ${valueHash('0')}"; what="$what ${key}";; 1) set -- "$@" "$p${i}"; exp="$exp ${valueHash('1')}"; what="$what ${key}";; esac`,
    ),
  };
}
