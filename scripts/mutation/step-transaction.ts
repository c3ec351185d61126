import {
  DURABLE,
  LOCK_SEEN,
  PIECES,
  PROCFS,
  RECOVERY,
  step,
  stepIn,
  type Mutation,
} from './mutation';

const pieces = stepIn(PIECES);
const recovery = stepIn(RECOVERY);

/** The step's transaction: backup, procfs, read-backs, flushes, rollback, intent record, lock. */
export const STEP_TRANSACTION: readonly Mutation[] = [
  // procfs.
  step(
    'proc-write-error',
    'procfs write errors stop the step',
    [PROCFS],
    [
      String.raw`printf '%s\n' "$2" > "$1" && return 0`,
      String.raw`printf '%s\n' "$2" > "$1"; return 0`,
    ],
  ),
  step(
    'proc-read-only',
    'read-only procfs reported as 67',
    [PROCFS],
    [String.raw`[ -w "$1" ] || return 67`, ':'],
  ),
  pieces(
    'readback-proc',
    'read-back of each value in /proc/sys',
    [PROCFS],
    [
      'case "$w${i}" in 0) set -- "$@" "$p${i}";',
      'case "$w${i}" in 0|1) ;; 2) set -- "$@" "$p${i}";',
    ],
  ),
  pieces(
    'readback-ipv4',
    'read-back of the first setting in /proc/sys',
    [PROCFS],
    [
      '    readBack: each(\n      (key, i) =>\n',
      '    readBack: each(\n      (key, i) =>\n        i === 1 ? "" :\n',
    ],
  ),
  step(
    'readback-compare',
    'what is read back is compared',
    [PROCFS, DURABLE],
    [String.raw`= "$x" ] || rollback 68 "$w reads back differently"`, String.raw`= "$x" ] || :`],
  ),
  step(
    'readback-file',
    'read-back of the written file',
    [DURABLE],
    [String.raw`then set -- "$file"; exp=" $newsha"; what=" $file"; fi`, String.raw`then :; fi`],
  ),
  step(
    'readback-delete',
    'read-back of a deletion',
    [DURABLE],
    [String.raw`rollback 68 "$file still exists"`, ':'],
  ),
  // Durability.
  step(
    'fsync-temp',
    'flush of the temp file before the rename',
    [DURABLE],
    [String.raw`sync "$tmp" || rollback 69 "cannot flush $tmp"`, ':'],
  ),
  step(
    'fsync-dir',
    'flush of the directory after the rename',
    [DURABLE, PROCFS],
    [
      String.raw`tmp=; replaced=yes
  sync "$dir" 2>/dev/null`,
      'tmp=; replaced=yes',
    ],
  ),
  // Rollback.
  pieces(
    'rollback-values',
    'rollback restores each value',
    [PROCFS],
    ['`  [ "$s${i}" = no ] || printf', '`  true || printf'],
  ),
  pieces(
    'rollback-only-changed',
    'rollback touches only what this run set',
    [PROCFS],
    ['`  [ "$s${i}" = no ] || printf', '`  [ "$w${i}" = - ] || printf'],
  ),
  step(
    'rollback-file',
    'rollback puts the original file back',
    [PROCFS, DURABLE],
    [
      String.raw`if [ -n "$bak" ]; then mv -f "$bak" "$file" || ok=no; bak=; sync "$dir" 2>/dev/null`,
      String.raw`if [ -n "$bak" ]; then :`,
    ],
  ),
  step(
    'rollback-dir-fsync',
    'flush of the directory after a restore',
    [DURABLE],
    [
      String.raw`mv -f "$bak" "$file" || ok=no; bak=; sync "$dir" 2>/dev/null`,
      String.raw`mv -f "$bak" "$file" || ok=no; bak=;`,
    ],
  ),
  step(
    'rollback-new-file',
    'rollback removes a file it created',
    [PROCFS],
    [String.raw`else rm -f "$file" || ok=no; fi`, 'else :; fi'],
  ),
  step(
    'rollback-failure',
    'a failed restore exits 70 and keeps the record',
    [DURABLE],
    [String.raw`[ "$ok" = yes ] || fail 70 "restoring the previous state failed"`, ':'],
  ),
  step(
    'rollback-temp',
    'rollback removes its temp file',
    [DURABLE],
    [
      String.raw`  [ -z "$tmp" ] || rm -f "$tmp"
  if [ "$replaced" = yes ]`,
      String.raw`  if [ "$replaced" = yes ]`,
    ],
  ),
  // Intent record and recovery.
  step(
    'intent-record',
    'intent record written before any change',
    [DURABLE],
    [String.raw`"$newsha" "$rec" > "$intent"`, String.raw`"$newsha" "$rec" > /dev/null`],
  ),
  step(
    'intent-removed',
    'intent record emptied when applied',
    [DURABLE, PROCFS],
    [
      String.raw`: > "$intent"
say 'nonlocal-bind: applied'`,
      String.raw`say 'nonlocal-bind: applied'`,
    ],
  ),
  recovery(
    'recover-complete',
    'recover completes a replaced file',
    [DURABLE],
    [String.raw`[ "$v" = "$rsha" ] && done_=yes`, ':'],
  ),
  recovery(
    'recover-cleanup',
    'recover removes leftover temp files',
    [DURABLE],
    [String.raw`"$R"/etc/sysctl.d/.nonlocal-bind-tmp.* "$R"/etc/.nonlocal-bind-tmp.*; do`, 'x; do'],
  ),
  step(
    'start-cleanup',
    'a step removes leftover temp files in its directory',
    [DURABLE],
    [String.raw`for f in "$dir"/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done`, ':'],
  ),
  // The lock.
  step(
    'lock',
    'one step at a time (flock)',
    [DURABLE],
    ['if ! flock -n 9; then', 'if false; then'],
  ),
  step(
    'lock-mode',
    'lock file root-only (0600: made under umask 077)',
    [DURABLE],
    ['set -u\numask 077\n', 'set -u\numask 022\n'],
  ),
  // What the app stats to know whether to read /proc/locks at all.
  step(
    'lock-mark',
    'the error file is not empty while the lock is held',
    [LOCK_SEEN],
    [String.raw`printf 'lock held\n' >&2 || fail 69`, String.raw`true || fail 69`],
  ),
  step(
    'lock-mark-cleared',
    'the error file is emptied before the lock is let go',
    [LOCK_SEEN],
    [String.raw`true > "$state/err"`, ':'],
  ),
];
