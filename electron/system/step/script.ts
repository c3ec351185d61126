import {
  FILE_NAME_CHARS,
  FILE_NAME_FIRST_CHARS,
  FILE_NAME_SUFFIX,
  MAX_FILE_NAME_LENGTH,
} from '../file-name';
import type { Catalogue } from '../settings';
import { checkPieces } from './script-check';
import { namespacePieces } from './script-namespaces';
import { recoveryPieces } from './script-recovery';
import { settingPieces } from './script-settings';

/**
 * The privileged step for a catalogue: one POSIX sh script that runs as root, through the
 * packaged helper (pkexec), pkexec with sh, or ssh + sudo on a node. It is carried inline
 * (an AppImage's FUSE mount is invisible to root) and receives only validated tokens, which
 * it validates again, trusting nothing its caller sends: it changes nothing but the
 * catalogue's settings (step-content-rule.ts). Its protocol, transaction, intent record,
 * recovery, output and exit codes are described in docs/step-protocol.md.
 *
 * Every process costs time between the click and the verified value, so the script forks
 * only for what a shell cannot do: the lock (flock), reading procfs (cat: dash reads a byte
 * at a time, and procfs answers a read at a non-zero offset with EOF), hashing, decoding
 * and checking the content (one awk run does both), flushing and renaming.
 *
 * The first line is a shebang because deb and rpm packages install these exact bytes as the
 * helper their polkit action names (step-helper.ts); fed to sh it is only a comment.
 */
export function privilegedScript(catalogue: Catalogue): string {
  const s = settingPieces(catalogue);
  return String.raw`#!/bin/sh
set -u
umask 077
LC_ALL=C; export LC_ALL
# Limits and job control are the caller's: a file-size or CPU limit set before pkexec would
# cut the intent record or a file short, and ^Z in the caller's terminal would stop the step
# while it holds the lock (stalling every Apply). Root lifts the one and ignores the other.
ulimit -f unlimited 2>/dev/null && ulimit -t unlimited 2>/dev/null || { printf 'nonlocal-bind: cannot lift the file size and CPU limits\n' >&2; exit 69; }
trap '' TSTP TTIN TTOU
R="${'$'}{NONLOCAL_BIND_ROOT:-}"
nl='
'
state="$R/run/nonlocal-bind"
intent="$state/apply.intent"
${s.declare}
# While it holds the lock the step keeps its output in variables (the tools' errors in a
# root-only file) and hands it to the caller only after letting go of the lock: a caller that
# never reads (a full pipe, a stopped terminal) can stall its own step, but never every
# Apply after it.
locked=no; out_=; err_=; pre=yes; tmp=; made_dir=no; dir=
say() { out_="$out_$*$nl"; }
fail() {
  c=$1; shift; err_="${'$'}{err_}nonlocal-bind: $*$nl"
  # Refused or failed before anything changed: what the check needed goes too.
  if [ "$pre" = yes ]; then
    [ -z "$tmp" ] || rm -f "$tmp"
    [ "$made_dir" = no ] || rmdir "$dir" 2>/dev/null
  fi
  finish "$c"
}
finish() {
  if [ "$locked" = yes ]; then
    t=; n=0
    # The first line is the mark that the lock is held, not an error.
    { IFS= read -r l; while [ "$n" -lt 40 ] && IFS= read -r l; do t="$t$l$nl"; n=$((n + 1)); done; } < "$state/err"
    exec 2>&8 8>&-
    true > "$state/err"
    exec 9>&-
    err_="$t$err_"
  fi
  printf '%s' "$out_"; printf '%s' "$err_" >&2
  exit "$1"
}
valid_name() {
  case "$1" in [${FILE_NAME_FIRST_CHARS}]*${FILE_NAME_SUFFIX}) ;; *) return 1;; esac
  case "$1" in *[!${FILE_NAME_CHARS}]*) return 1;; esac
  [ "${'$'}{#1}" -le ${MAX_FILE_NAME_LENGTH} ]
}
${namespacePieces(catalogue, s)}
if [ "$#" -eq 1 ] && [ "$1" = recover ]; then
  op=recover
else
  [ "$#" -ge 6 ] || fail 64 "expected v2 KEY=VALUE... -- OP NAME SHA CONTENT, got $# arguments"
  [ "$1" = v2 ] || fail 64 "unknown protocol $1"
  shift
  while [ "$#" -gt 5 ]; do
    case "$1" in
${s.argumentArms}
    *) fail 64 "unknown setting or value: $1";;
    esac
    shift
  done
  [ "$#" -eq 5 ] && [ "$1" = -- ] || fail 64 "expected -- OP NAME SHA CONTENT after the settings"
  op=$2; name=$3; expect=$4; content=$5
  case "$op" in none|write|delete|write-conf) ;; *) fail 64 "unknown file operation";; esac
  if [ "$op" = write-conf ]; then name=sysctl.conf; fi
  # Nothing to do with a file: nothing of a file may be said (the name goes into the record).
  if [ "$op" = none ]; then [ "$name" = - ] && [ "$expect" = absent ] && [ "$content" = - ] || fail 64 "none takes - absent -"; fi
  if [ "$op" = write ] || [ "$op" = delete ]; then valid_name "$name" || fail 64 "invalid file name"; fi
  if [ "$op" != none ]; then
    case "$expect" in absent) ;; *[!0-9a-f]*|'') fail 64 "invalid hash";; *) [ "${'$'}{#expect}" -eq 64 ] || fail 64 "invalid hash";; esac
  fi
  if [ "$op" = write ] || [ "$op" = write-conf ]; then
    case "$content" in ''|*[!A-Za-z0-9+/=]*) fail 64 "invalid content encoding";; esac
  fi
fi
dir_for() { if [ "$1" = write-conf ]; then dir="$R/etc"; else dir="$R/etc/sysctl.d"; fi; }
# The lock is root's alone: a user who could open it could take it and stall every Apply.
# Its name is one no older version used (they made "lock" 0644, and anyone may still hold
# that open), and only this step creates it, under umask 077: 0600, with no stat to check.
# The app may stat it through the 0711 directory to see, in /proc/locks, whether an Apply
# is running.
lock="$state/apply.lock"
[ -d "$state" ] || mkdir -p -m 0711 "$state" || fail 69 "cannot create $state"
exec 9>>"$lock" || fail 69 "cannot open $lock"
if ! flock -n 9; then
  printf 'nonlocal-bind: waiting for another Apply to finish\n' >&2
  flock -w 300 9 || fail 75 "another Apply held the lock for 5 minutes"
fi
exec 8>&2 2>"$state/err" || fail 69 "cannot create $state/err"
locked=yes
# From here until just before the lock is let go (finish), the error file is never empty: the
# app may only stat it, and reads /proc/locks (a kernel grace period) only when it is not.
printf 'lock held\n' >&2 || fail 69 "cannot write $state/err"
# One cat for the values of all the paths in "$@", one line each, into $vals.
read_values() { vals=$(cat "$@") || return 1; vals="$vals$nl"; }
take_value() {
  v=${'$'}{vals%%"$nl"*}; vals=${'$'}{vals#*"$nl"}
  case "$v" in ''|*[!0-9]*) return 1;; esac; [ "${'$'}{#v}" -le 10 ]
}
read_value() { read_values "$1" 2>/dev/null && take_value; }
${recoveryPieces(s)}
if [ "$op" = recover ]; then recover_intent; finish 0; fi
[ ! -s "$intent" ] || recover_intent
${checkPieces(catalogue)}
dir_for "$op"
file="$dir/$name"
bak=; had_file=no; replaced=no; newsha=absent; have_vals=no; procs=
${s.wantedList}
if [ "$op" != none ]; then
  if [ -L "$file" ]; then fail 66 "$file is a symbolic link; refusing to replace it"; fi
  if [ -e "$file" ] && [ ! -f "$file" ]; then fail 66 "$file is not a regular file"; fi
  [ ! -f "$file" ] || had_file=yes
  set --
  if [ "$op" != delete ]; then
    content_size || fail 64 "invalid content encoding"
    check_sizes
    # The new content goes straight into a temp file beside the target (removed again if
    # the change is refused), which carries the original's mode, owner, ACLs, xattrs and
    # SELinux label. Under the lock any such file is a killed step's leftover.
    for f in "$dir"/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done
    [ -d "$dir" ] || { mkdir -p "$dir" || fail 69 "cannot create $dir"; made_dir=yes; }
    tmp="$dir/.nonlocal-bind-tmp.new.$$"
    if [ "$had_file" = yes ]; then
      cp --attributes-only --preserve=all "$file" "$tmp" || fail 69 "cannot create $tmp"
    else
      umask 022; set -C; true > "$tmp" || fail 69 "cannot create $tmp"; set +C; umask 077
    fi
    # The content check's awk run decodes the content into it first (no base64 process).
    run_check
    [ "$verdict" -ne 7 ] || fail 77 "invalid content encoding"
    set -- "$tmp"
  fi
  [ "$had_file" = no ] || set -- "$@" "$file"
  if [ "$#" -gt 0 ]; then sums=$(sha256sum "$@") || fail 69 "cannot read $file"; sums="$sums$nl"; fi
  if [ "$op" != delete ]; then newsha=${'$'}{sums%%[!0-9a-f]*}; sums=${'$'}{sums#*"$nl"}; fi
  cur=absent; [ "$had_file" = no ] || cur=${'$'}{sums%%[!0-9a-f]*}
  [ "$cur" = "$expect" ] || fail 65 "$file changed since it was read"
  [ "$op" != delete ] || [ "$had_file" = no ] || { check_delete; run_check; }
  judge_check
fi
set --
${s.wantedPaths}
# The content check read them already when it ran.
if [ "$#" -gt 0 ] && [ "$have_vals" = no ]; then read_values "$@" || fail 69 "cannot read the running values"; fi
${s.takeOld}
write_value() {
  printf '%s\n' "$2" > "$1" && return 0
  # Root may write any file but one on a read-only mount (a container's /proc/sys).
  [ -w "$1" ] || return 67
  # The shell's own message (in the tools' errors) gives the kernel's reason.
  err_="${'$'}{err_}nonlocal-bind: writing $1 failed$nl"
  return 69
}
rollback() {
  code=$1; shift
  err_="${'$'}{err_}nonlocal-bind: $*; restoring the previous state$nl"
  ok=yes
  # Only what this run actually changed is put back.
${s.rollback}
  [ -z "$tmp" ] || rm -f "$tmp"
  if [ "$replaced" = yes ]; then
    if [ -n "$bak" ]; then mv -f "$bak" "$file" || ok=no; bak=; sync "$dir" 2>/dev/null
    else rm -f "$file" || ok=no; fi
  fi
  # The original was never replaced: its hard-link backup is only an extra name.
  [ -z "$bak" ] || rm -f "$bak"
  # A failed restore keeps the intent record, so the next step or "recover" tries again.
  [ "$ok" = yes ] || fail 70 "restoring the previous state failed"
  : > "$intent"
  finish "$code"
}
# The intent record, written before anything changes, even the backup link (root-only
# directory, one write of less than a page): whatever a kill leaves behind, a record says
# how to resolve it. An empty record is none (one killed before its write completed is
# empty too: nothing had changed), so the step empties it when it ends, a builtin, not an
# rm; its name is one no older version reads, so none of them stops at an empty one.
rec=
${s.recordFields}
printf 'v2 %s %s %s%s\n' "$op" "${'$'}{name:--}" "$newsha" "$rec" > "$intent" || fail 69 "cannot write $intent"
pre=no
if [ "$had_file" = yes ]; then
  bak="$dir/.nonlocal-bind-tmp.bak.$$"
  # A bind-mounted file cannot be linked (EXDEV): keep a full copy instead.
  ln -f "$file" "$bak" 2>/dev/null || cp --preserve=all "$file" "$bak" \
    || { rm -f "$bak"; bak=; rollback 69 "cannot keep a backup of $file"; }
fi
${s.writes}
if [ "$op" = write ] || [ "$op" = write-conf ]; then
  sync "$tmp" || rollback 69 "cannot flush $tmp"
  mv -f "$tmp" "$file" || rollback 69 "cannot move the new file into place"
  tmp=; replaced=yes
  sync "$dir" 2>/dev/null
elif [ "$op" = delete ]; then
  rm -f "$file" || rollback 69 "cannot delete $file"
  replaced=yes
  sync "$dir" 2>/dev/null
fi
# One read-back of everything written, in one sha256sum: procfs answers "0\n" or "1\n".
set --; exp=; what=
if [ "$op" = write ] || [ "$op" = write-conf ]; then set -- "$file"; exp=" $newsha"; what=" $file"; fi
${s.readBack}
if [ "$#" -gt 0 ]; then
  sums=$(sha256sum "$@") || rollback 68 "cannot read back what was written"
  sums="$sums$nl"
  for x in $exp; do
    w=${'$'}{what# }; what=${'$'}{w#* }; [ "$what" != "$w" ] || what=; w=${'$'}{w%% *}
    [ "${'$'}{sums%%[!0-9a-f]*}" = "$x" ] || rollback 68 "$w reads back differently"
    sums=${'$'}{sums#*"$nl"}
  done
fi
if [ "$op" = delete ] && { [ -e "$file" ] || [ -L "$file" ]; }; then rollback 68 "$file still exists"; fi
[ -z "$bak" ] || rm -f "$bak"
: > "$intent"
say 'nonlocal-bind: applied'
finish 0
`;
}
