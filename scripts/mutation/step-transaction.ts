import { DURABLE, PROCFS, step, type Mutation } from './mutation';

/** The step's transaction: backup, procfs, read-backs, flushes, rollback, intent record, lock. */
export const STEP_TRANSACTION: readonly Mutation[] = [
  // procfs.
  step(
    'proc-write-error',
    'procfs write errors stop the step',
    [PROCFS],
    [
      String.raw`err=$( { printf '%s\n' "$2" > "$1"; } 2>&1 ) && return 0`,
      String.raw`err=$( { printf '%s\n' "$2" > "$1"; } 2>&1 ); return 0`,
    ],
  ),
  step(
    'proc-read-only',
    'read-only procfs reported as 67',
    [PROCFS],
    [String.raw`case "$err" in *Read-only*|*read-only*) return 67;; esac`, ':'],
  ),
  step(
    'readback-ipv4',
    'read-back of IPv4 in /proc/sys',
    [PROCFS],
    [String.raw`[ "$v" = "$want4" ] || rollback 68 "IPv4 reads back differently"`, ':'],
  ),
  step(
    'readback-ipv6',
    'read-back of IPv6 in /proc/sys',
    [PROCFS],
    [String.raw`[ "$v" = "$want6" ] || rollback 68 "IPv6 reads back differently"`, ':'],
  ),
  step(
    'readback-proc-both',
    'read-back of /proc/sys (both lines)',
    [PROCFS],
    [String.raw`[ "$v" = "$want4" ] || rollback 68 "IPv4 reads back differently"`, ':'],
    [String.raw`[ "$v" = "$want6" ] || rollback 68 "IPv6 reads back differently"`, ':'],
  ),
  step(
    'readback-file',
    'read-back of the written file',
    [DURABLE],
    [String.raw`[ "$v" = "$newsha" ] || rollback 68 "$file reads back differently"`, ':'],
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
  step(
    'rollback-ipv4',
    'rollback restores IPv4',
    [PROCFS],
    [String.raw`[ "$set4" = no ] || printf '%s\n' "$old4" > "$p4" 2>/dev/null || ok=no`, ':'],
  ),
  step(
    'rollback-ipv6',
    'rollback restores IPv6',
    [PROCFS],
    [String.raw`[ "$set6" = no ] || printf '%s\n' "$old6" > "$p6" 2>/dev/null || ok=no`, ':'],
  ),
  step(
    'rollback-only-changed',
    'rollback touches only what this run set',
    [PROCFS],
    [
      String.raw`[ "$set4" = no ] || printf '%s\n' "$old4" > "$p4"`,
      String.raw`[ "$want4" = - ] || printf '%s\n' "$old4" > "$p4"`,
    ],
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
    [String.raw`[ -z "$tmp" ] || rm -f "$tmp"`, ':'],
  ),
  // Intent record and recovery.
  step(
    'intent-record',
    'intent record written before any change',
    [DURABLE],
    [String.raw`&& mv -f "$intent.new" "$intent"; }`, String.raw`&& rm -f "$intent.new"; }`],
  ),
  step(
    'intent-removed',
    'intent record removed when applied',
    [DURABLE, PROCFS],
    [
      String.raw`rm -f "$intent"
printf 'nonlocal-bind: applied\n'`,
      String.raw`printf 'nonlocal-bind: applied\n'`,
    ],
  ),
  step(
    'recover-complete',
    'recover completes a replaced file',
    [DURABLE],
    [String.raw`[ "$v" = "$rsha" ] && done_=yes`, ':'],
  ),
  step(
    'recover-cleanup',
    'recover removes leftover temp files',
    [DURABLE],
    [
      String.raw`for f in "$R"/etc/sysctl.d/.nonlocal-bind-tmp.* "$R"/etc/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done`,
      ':',
    ],
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
    'lock file root-only (0600)',
    [DURABLE],
    [String.raw`chmod 0600 "$state/lock" || fail 69 "cannot restrict $state/lock"`, ':'],
  ),
];
