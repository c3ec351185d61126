import {
  FILE_NAME_CHARS,
  FILE_NAME_FIRST_CHARS,
  FILE_NAME_SUFFIX,
  MAX_FILE_NAME_LENGTH,
} from './file-name';
import {
  ANY_VALUE_LINE_ERE,
  HEADER_LINES_ERE,
  MAX_DIRECTORY_ENTRIES,
  MAX_FILE_BYTES,
  MAX_NEW_FILE_BYTES,
  VALID_VALUE_LINE_ERE,
} from './step-content-rule';

/** An ERE as one sh word: single-quoted, with "CR" spliced in as the script's $cr. */
function shellEre(ere: string): string {
  return `'${ere.replaceAll('CR', `'"$cr"'`)}'`;
}

/**
 * The privileged step: one constant POSIX sh script that runs as root, through the packaged
 * helper (pkexec), sudo-prompt, or ssh + sudo on a node. It is carried inline (an AppImage's
 * FUSE mount is invisible to root) and receives only validated tokens, which it validates
 * again, trusting nothing its caller sends: it changes nothing but the two settings
 * (step-content-rule.ts). Its protocol, transaction, intent record, recovery, output and
 * exit codes are described in docs/step-protocol.md.
 *
 * The first line is a shebang because deb and rpm packages install these exact bytes as the
 * helper their polkit action names (step-helper.ts); fed to sh it is only a comment.
 */
export const PRIVILEGED_SCRIPT = String.raw`#!/bin/sh
set -u
umask 022
LC_ALL=C; export LC_ALL
R="${'$'}{NONLOCAL_BIND_ROOT:-}"
fail() { c=$1; shift; printf 'nonlocal-bind: %s\n' "$*" >&2; finish "$c"; }
# While it holds the lock the step writes its output to root-only files, and hands it to the
# caller only after letting go of the lock: a caller that never reads (a full pipe, a stopped
# terminal) can stall its own step, but never every Apply after it.
out=
finish() {
  if [ -n "$out" ] && [ -f "$out.1" ] && [ -f "$out.2" ]; then
    exec 5<"$out.1" 6<"$out.2"; rm -f "$out.1" "$out.2"
    exec 9>&- 1>&7 2>&8; cat <&5; cat <&6 >&2
  fi
  exit "$1"
}
valid_name() {
  case "$1" in [${FILE_NAME_FIRST_CHARS}]*${FILE_NAME_SUFFIX}) ;; *) return 1;; esac
  case "$1" in *[!${FILE_NAME_CHARS}]*) return 1;; esac
  [ "${'$'}{#1}" -le ${MAX_FILE_NAME_LENGTH} ]
}
# What a caller may change in a file (step-content-rule.ts): lines setting the two keys, and
# the app's header. GNU grep -E -x in the C locale; cr is a literal carriage return.
cr=$(printf '\r')
any_re=${shellEre(ANY_VALUE_LINE_ERE)}
valid_re=${shellEre(VALID_VALUE_LINE_ERE)}
header_re=${shellEre(HEADER_LINES_ERE)}
blank_re=${shellEre('[[:blank:]]*CR?')}
p4="$R/proc/sys/net/ipv4/ip_nonlocal_bind"
p6="$R/proc/sys/net/ipv6/ip_nonlocal_bind"
state="$R/run/nonlocal-bind"
intent="$state/intent"
if [ "$#" -eq 1 ] && [ "$1" = recover ]; then
  op=recover
else
  [ "$#" -eq 7 ] || fail 64 "expected 7 arguments, got $#"
  [ "$1" = v1 ] || fail 64 "unknown protocol $1"
  want4=$2; want6=$3; op=$4; name=$5; expect=$6; content=$7
  for v in "$want4" "$want6"; do case "$v" in 0|1|-) ;; *) fail 64 "runtime values must be 0, 1 or -";; esac; done
  case "$op" in none|write|delete|write-conf) ;; *) fail 64 "unknown file operation";; esac
  if [ "$op" = write-conf ]; then name=sysctl.conf; fi
  if [ "$op" = write ] || [ "$op" = delete ]; then valid_name "$name" || fail 64 "invalid file name"; fi
  if [ "$op" != none ]; then
    case "$expect" in absent) ;; *[!0-9a-f]*|'') fail 64 "invalid hash";; *) [ "${'$'}{#expect}" -eq 64 ] || fail 64 "invalid hash";; esac
  fi
  if [ "$op" = write ] || [ "$op" = write-conf ]; then
    case "$content" in ''|*[!A-Za-z0-9+/=]*) fail 64 "invalid content encoding";; esac
  fi
fi
dir_for() { if [ "$1" = write-conf ]; then dir="$R/etc"; else dir="$R/etc/sysctl.d"; fi; }
# The lock is root's alone (0600, in a 0711 directory the app may stat it through to see
# who holds it): a user who could open it could take it and stall every Apply. A lock file
# that is not (an older version made it 0644) may be held open by anyone who opened it then,
# so a new root-only file takes its place. Only a step holding the directory (which no one
# else can open) creates or replaces the file, and only a file that is not root-only, so a
# lock a step holds is never replaced under it.
lock="$state/lock"
[ -d "$state" ] || mkdir -p -m 0711 "$state" || fail 69 "cannot create $state"
exec 9<"$state" || fail 69 "cannot open $state"
flock 9 || fail 69 "cannot lock $state"
if [ "$(stat -c '%u %a' "$lock" 2>/dev/null)" != "$(id -u) 600" ]; then
  { ( umask 077; : > "$lock.new" ) && mv -f "$lock.new" "$lock"; } || fail 69 "cannot replace $lock"
fi
exec 9>>"$lock" || fail 69 "cannot open $lock"
if ! flock -n 9; then
  printf 'nonlocal-bind: waiting for another Apply to finish\n' >&2
  flock -w 300 9 || fail 75 "another Apply held the lock for 5 minutes"
fi
out="$state/out.$$"
( umask 077; : > "$out.1" && : > "$out.2" ) || { out=; fail 69 "cannot create $state/out.$$"; }
exec 7>&1 8>&2 1>"$out.1" 2>"$out.2"
# A procfs value is a number of up to three digits (0-255). cat, not read: procfs answers a
# read at a non-zero offset with EOF, so dash's byte-wise read would see only the first digit.
read_value() { v=$(cat "$1" 2>/dev/null) || return 1; case "$v" in ''|*[!0-9]*) return 1;; esac; }
file_sha() { if [ -f "$1" ]; then v=$(sha256sum < "$1") || return 1; v=${'$'}{v%% *}; else v=absent; fi; }
# A step killed after writing its intent record left this: complete it when the file was
# already replaced (the durable half is done), otherwise roll the runtime values back.
# Prints one line: "nonlocal-bind: recovered none|completed|rolled-back ipv4=V ipv6=V file=PATH|-".
recover_intent() {
  outcome=none; rfile=-
  if [ -e "$intent" ]; then
    r=; read -r r < "$intent"
    set -f; set -- $r; set +f
    [ "$#" -eq 8 ] && [ "$1" = v1 ] || fail 70 "the intent record $intent is unreadable; it was left for inspection"
    rw4=$2; rw6=$3; ro4=$4; ro6=$5; rop=$6; rname=$7; rsha=$8
    for x in "$rw4" "$rw6"; do case "$x" in 0|1|-) ;; *) fail 70 "the intent record $intent is invalid";; esac; done
    for x in "$ro4" "$ro6"; do case "$x" in -|[0-9]|[0-9][0-9]|[0-9][0-9][0-9]) ;; *) fail 70 "the intent record $intent is invalid";; esac; done
    case "$rop" in none|write|delete|write-conf) ;; *) fail 70 "the intent record $intent is invalid";; esac
    case "$rsha" in absent) ;; *[!0-9a-f]*) fail 70 "the intent record $intent is invalid";; esac
    done_=no
    if [ "$rop" != none ]; then
      [ "$rop" = write-conf ] && rname=sysctl.conf
      valid_name "$rname" || fail 70 "the intent record $intent is invalid"
      dir_for "$rop"; rfile="$dir/$rname"
      file_sha "$rfile" || fail 69 "cannot read $rfile"
      [ "$v" = "$rsha" ] && done_=yes
    fi
    ok=yes
    if [ "$done_" = yes ]; then
      outcome=completed
      [ "$rw4" = - ] || printf '%s\n' "$rw4" > "$p4" 2>/dev/null || ok=no
      [ "$rw6" = - ] || printf '%s\n' "$rw6" > "$p6" 2>/dev/null || ok=no
    else
      outcome=rolled-back
      [ "$rw4" = - ] || [ "$ro4" = - ] || printf '%s\n' "$ro4" > "$p4" 2>/dev/null || ok=no
      [ "$rw6" = - ] || [ "$ro6" = - ] || printf '%s\n' "$ro6" > "$p6" 2>/dev/null || ok=no
    fi
    [ "$ok" = yes ] || fail 70 "recovering the interrupted Apply failed"
    rm -f "$intent" || fail 70 "cannot remove $intent"
  fi
  rm -f "$intent.new" "$state"/check.*
  # A step removes its output files before it lets go of the lock: others' are leftovers.
  for f in "$state"/out.*; do case "$f" in "$out".*) ;; *) rm -f "$f";; esac; done
  # Under the lock no step is running: every temp file is a killed step's leftover.
  for f in "$R"/etc/sysctl.d/.nonlocal-bind-tmp.* "$R"/etc/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done
  read_value "$p4"; r4=${'$'}{v:--}; read_value "$p6"; r6=${'$'}{v:--}
  printf 'nonlocal-bind: recovered %s ipv4=%s ipv6=%s file=%s\n' "$outcome" "$r4" "$r6" "$rfile"
}
if [ "$op" = recover ]; then recover_intent; finish 0; fi
[ ! -e "$intent" ] || recover_intent
dir_for "$op"
file="$dir/$name"
old4=; old6=; set4=no; set6=no; bak=; had_file=no; tmp=; replaced=no; newsha=absent
[ "$want4" = - ] || { read_value "$p4" && old4=$v; } || fail 69 "cannot read $p4"
[ "$want6" = - ] || { read_value "$p6" && old6=$v; } || fail 69 "cannot read $p6"
decode() { if [ "$content" = "=" ]; then :; else printf '%s' "$content" | base64 -d; fi; }
# Refuses (exit 77, nothing changed) what is more than the two settings, whoever asks:
# a line other than theirs or the header added, removed or altered; a value outside the
# kernel's range; a file deleted that holds anything else; a new name in /etc/sysctl.d
# that would hide a same-named file of a later directory (its settings would stop
# applying at boot), or a deletion that would let one apply again.
refuse() { rm -f "$chk".*; fail 77 "$*"; }
kept_lines() { grep -a -v -x -E -e "$any_re" -e "$header_re" "$@"; [ $? -le 1 ]; }
later_same_name() {
  for d in run/sysctl.d usr/local/lib/sysctl.d usr/lib/sysctl.d lib/sysctl.d; do
    if [ -e "$R/$d/$name" ] || [ -L "$R/$d/$name" ]; then later="/$d/$name"; return 0; fi
  done
  return 1
}
check_change() {
  chk="$state/check.$$"
  ( umask 077; : > "$chk.new" ) || fail 69 "cannot create $chk.new"
  if [ "$op" = delete ]; then
    [ "$had_file" = yes ] || { rm -f "$chk".*; return 0; }
    kept_lines -e "$blank_re" < "$file" > "$chk.new" || refuse "cannot read $file"
    [ ! -s "$chk.new" ] || refuse "$file holds more than the two settings; it is not deleted"
    [ "$dir" != "$R/etc/sysctl.d" ] || ! later_same_name || refuse "deleting $file would let $later apply at boot"
    rm -f "$chk".*; return 0
  fi
  decode > "$chk.new" || refuse "invalid content encoding"
  size=$(wc -c < "$chk.new") || refuse "cannot measure the new content"
  [ "$size" -le ${MAX_FILE_BYTES} ] || refuse "the new content is $size bytes; at most ${MAX_FILE_BYTES} are allowed"
  if [ "$had_file" = yes ]; then kept_lines < "$file" > "$chk.old" || refuse "cannot read $file"
  else : > "$chk.old"; [ "$op" = write-conf ] || ! later_same_name || refuse "a new $file would hide $later at boot"
    # A new file holds a header and a few lines: bounded, like how many there may be.
    [ "$size" -le ${MAX_NEW_FILE_BYTES} ] || refuse "a new file may hold at most ${MAX_NEW_FILE_BYTES} bytes"
    set -- "$dir"/*; [ "$#" -lt ${MAX_DIRECTORY_ENTRIES} ] || refuse "$dir already holds ${MAX_DIRECTORY_ENTRIES} entries"; fi
  kept_lines < "$chk.new" > "$chk.kept" || refuse "cannot check the new content"
  a=$(sha256sum < "$chk.old") && b=$(sha256sum < "$chk.kept") || refuse "cannot check the new content"
  # A last line without a line break gets one when a line is added after it: in a CRLF
  # file that break is CR LF, and the CR, which both engines strip, joins that line.
  if [ "$a" != "$b" ] && [ "$had_file" = yes ] && [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then
    { cat "$file"; printf '\r'; } | kept_lines > "$chk.old" || refuse "cannot read $file"
    a=$(sha256sum < "$chk.old") || refuse "cannot check the new content"
  fi
  [ "$a" = "$b" ] || refuse "the new content changes lines other than net.ipv4/ipv6.ip_nonlocal_bind"
  # A setting line with a value outside 0-255 may stay only as it was, someone else's line.
  { grep -a -x -E -e "$any_re" < "$chk.new"; [ $? -le 1 ]; } > "$chk.set" || refuse "cannot check the new content"
  { grep -a -v -x -E -e "$valid_re" < "$chk.set"; [ $? -le 1 ]; } > "$chk.bad" || refuse "cannot check the new content"
  if [ -s "$chk.bad" ]; then
    : > "$chk.had"
    [ "$had_file" = no ] || { grep -a -x -E -e "$any_re" < "$file"; [ $? -le 1 ]; } > "$chk.had" || refuse "cannot read $file"
    { grep -a -v -x -F -f "$chk.had" < "$chk.bad"; [ $? -le 1 ]; } > "$chk.set" || refuse "cannot check the new content"
    [ ! -s "$chk.set" ] || refuse "the new content sets a value outside 0-255"
  fi
  rm -f "$chk".*
}
if [ "$op" != none ]; then
  if [ -L "$file" ]; then fail 66 "$file is a symbolic link; refusing to replace it"; fi
  if [ -e "$file" ] && [ ! -f "$file" ]; then fail 66 "$file is not a regular file"; fi
  [ ! -f "$file" ] || had_file=yes
  file_sha "$file" || fail 69 "cannot read $file"
  [ "$v" = "$expect" ] || fail 65 "$file changed since it was read"
  if [ "$op" != delete ]; then newsha=$(decode | sha256sum) || fail 64 "invalid content encoding"; newsha=${'$'}{newsha%% *}; fi
  check_change
  # Only now, with the change accepted: a refused one leaves even a missing directory missing.
  [ -d "$dir" ] || mkdir -p "$dir" || fail 69 "cannot create $dir"
  # Safe under the lock: no other step is running, so any such file is a leftover.
  for f in "$dir"/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done
fi
write_value() {
  err=$( { printf '%s\n' "$2" > "$1"; } 2>&1 ) && return 0
  case "$err" in *Read-only*|*read-only*) return 67;; esac
  printf 'nonlocal-bind: writing %s failed: %s\n' "$1" "$err" >&2
  return 69
}
rollback() {
  code=$1; shift
  printf 'nonlocal-bind: %s; restoring the previous state\n' "$*" >&2
  ok=yes
  # Only what this run actually changed is put back.
  [ "$set4" = no ] || printf '%s\n' "$old4" > "$p4" 2>/dev/null || ok=no
  [ "$set6" = no ] || printf '%s\n' "$old6" > "$p6" 2>/dev/null || ok=no
  [ -z "$tmp" ] || rm -f "$tmp"
  if [ "$replaced" = yes ]; then
    if [ -n "$bak" ]; then mv -f "$bak" "$file" || ok=no; bak=; sync "$dir" 2>/dev/null
    else rm -f "$file" || ok=no; fi
  fi
  # The original was never replaced: its hard-link backup is only an extra name.
  [ -z "$bak" ] || rm -f "$bak"
  # A failed restore keeps the intent record, so the next step or "recover" tries again.
  [ "$ok" = yes ] || fail 70 "restoring the previous state failed"
  rm -f "$intent"
  finish "$code"
}
# The intent record, written atomically before anything changes, even the backup link
# (root-only directory): whatever a kill leaves behind, a record says how to resolve it.
{ printf 'v1 %s %s %s %s %s %s %s\n' "$want4" "$want6" "${'$'}{old4:--}" "${'$'}{old6:--}" "$op" "$name" "$newsha" > "$intent.new" \
  && mv -f "$intent.new" "$intent"; } || fail 69 "cannot write $intent"
if [ "$had_file" = yes ]; then
  bak="$dir/.nonlocal-bind-tmp.bak.$$"
  # A bind-mounted file cannot be linked (EXDEV): keep a full copy instead.
  ln -f "$file" "$bak" 2>/dev/null || cp --preserve=all "$file" "$bak" \
    || { rm -f "$bak" "$intent"; fail 69 "cannot keep a backup of $file"; }
fi
if [ "$want4" != - ]; then write_value "$p4" "$want4" || rollback $? "setting IPv4 failed"; set4=yes; fi
if [ "$want6" != - ]; then write_value "$p6" "$want6" || rollback $? "setting IPv6 failed"; set6=yes; fi
if [ "$op" = write ] || [ "$op" = write-conf ]; then
  tmp="$dir/.nonlocal-bind-tmp.new.$$"
  if [ "$had_file" = yes ]; then
    # Mode, owner, ACLs, xattrs and SELinux label of the original, then the new bytes.
    cp --attributes-only --preserve=all "$file" "$tmp" || rollback 69 "cannot create $tmp"
  else
    ( set -C; : > "$tmp" ) || rollback 69 "cannot create $tmp"
  fi
  decode > "$tmp" || rollback 69 "cannot write $tmp"
  sync "$tmp" || rollback 69 "cannot flush $tmp"
  mv -f "$tmp" "$file" || rollback 69 "cannot move the new file into place"
  tmp=; replaced=yes
  sync "$dir" 2>/dev/null
elif [ "$op" = delete ]; then
  rm -f "$file" || rollback 69 "cannot delete $file"
  replaced=yes
  sync "$dir" 2>/dev/null
fi
# One read-back of each thing written.
if [ "$want4" != - ]; then read_value "$p4"; [ "$v" = "$want4" ] || rollback 68 "IPv4 reads back differently"; fi
if [ "$want6" != - ]; then read_value "$p6"; [ "$v" = "$want6" ] || rollback 68 "IPv6 reads back differently"; fi
if [ "$op" = write ] || [ "$op" = write-conf ]; then
  file_sha "$file"; [ "$v" = "$newsha" ] || rollback 68 "$file reads back differently"
elif [ "$op" = delete ] && [ -e "$file" ]; then
  rollback 68 "$file still exists"
fi
[ -z "$bak" ] || rm -f "$bak"
rm -f "$intent"
printf 'nonlocal-bind: applied\n'
finish 0
`;

export { STEP_EXIT } from './step-exit';
