/**
 * The privileged step: one constant POSIX sh script that runs as root.
 *
 * It is carried inline (an AppImage's FUSE mount is invisible to root, so the
 * step must not read anything from the app bundle) and receives only
 * validated tokens as positional arguments, which it validates again itself.
 *
 * Arguments: v1 IPV4 IPV6 FILE_OP FILE_NAME EXPECTED_SHA256 CONTENT_BASE64
 *   IPV4/IPV6       0 | 1 | -            (- leaves the runtime value alone)
 *   FILE_OP         none | write | delete | write-conf (write-conf: /etc/sysctl.conf itself)
 *   FILE_NAME       validated name in /etc/sysctl.d, or - with FILE_OP none or write-conf
 *   EXPECTED_SHA256 the file's sha256 when the UI read it, or "absent"
 *   CONTENT_BASE64  the complete new file content, or - unless FILE_OP is write
 *
 * Transaction, all of it under an exclusive flock on $R/run/nonlocal-bind/lock
 * (one step at a time, system-wide; a step that has to wait says so on stderr
 * and gives up after 5 minutes with exit 75): record the old runtime values,
 * check the file is unchanged since it was read, keep the original as a hard
 * link (the backup is the original inode itself: links, mode, owner, ACLs and
 * SELinux label come back untouched), write procfs, write the new content into
 * a temp file carrying the original's attributes, fsync, rename, fsync the
 * directory, read both back, and on any error or mismatch restore exactly what
 * this run changed. Temp files are removed only while holding the lock, so a
 * running step never loses its backup to another one.
 *
 * Needs only POSIX sh, coreutils and util-linux flock, and runs the same fed
 * on stdin (`sh -s -- ARGS`) or passed as a string (`sh -c SCRIPT sh ARGS`).
 *
 * Output: stdout `nonlocal-bind: applied` on success; stderr lines
 * `nonlocal-bind: …` otherwise. Exit codes: STEP_EXIT below.
 *
 * NONLOCAL_BIND_ROOT (empty in production, where pkexec clears the
 * environment anyway) lets the demo and tests run the same script against a
 * directory laid out like `/`.
 */
export const PRIVILEGED_SCRIPT = String.raw`set -u
umask 022
R="${'$'}{NONLOCAL_BIND_ROOT:-}"
fail() { c=$1; shift; printf 'nonlocal-bind: %s\n' "$*" >&2; exit "$c"; }
[ "$#" -eq 7 ] || fail 64 "expected 7 arguments, got $#"
[ "$1" = v1 ] || fail 64 "unknown protocol $1"
want4=$2; want6=$3; op=$4; name=$5; expect=$6; content=$7
for v in "$want4" "$want6"; do case "$v" in 0|1|-) ;; *) fail 64 "runtime values must be 0, 1 or -";; esac; done
case "$op" in none|write|delete|write-conf) ;; *) fail 64 "unknown file operation";; esac
if [ "$op" = write-conf ]; then name=sysctl.conf; fi
if [ "$op" = write ] || [ "$op" = delete ]; then
  case "$name" in [A-Za-z0-9]*.conf) ;; *) fail 64 "invalid file name";; esac
  case "$name" in *[!A-Za-z0-9._-]*) fail 64 "invalid file name";; esac
  [ "${'$'}{#name}" -le 200 ] || fail 64 "file name too long"
fi
if [ "$op" != none ]; then
  case "$expect" in absent) ;; *[!0-9a-f]*|'') fail 64 "invalid hash";; *) [ "${'$'}{#expect}" -eq 64 ] || fail 64 "invalid hash";; esac
fi
if [ "$op" = write ] || [ "$op" = write-conf ]; then
  case "$content" in ''|*[!A-Za-z0-9+/=]*) fail 64 "invalid content encoding";; esac
fi
p4="$R/proc/sys/net/ipv4/ip_nonlocal_bind"
p6="$R/proc/sys/net/ipv6/ip_nonlocal_bind"
dir="$R/etc/sysctl.d"
[ "$op" != write-conf ] || dir="$R/etc"
file="$dir/$name"
# The lock lives where only root can open it (0711: the app may stat it to see who
# holds it, nobody else can take it and stall every Apply).
state="$R/run/nonlocal-bind"
[ -d "$state" ] || mkdir -p -m 0711 "$state" || fail 69 "cannot create $state"
exec 9>>"$state/lock" || fail 69 "cannot open $state/lock"
if ! flock -n 9; then
  printf 'nonlocal-bind: waiting for another Apply to finish\n' >&2
  flock -w 300 9 || fail 75 "another Apply held the lock for 5 minutes"
fi
old4=; old6=; set4=no; set6=no; bak=; had_file=no; tmp=; replaced=no
# procfs answers a read at a non-zero offset with EOF, so the shell's byte-wise read
# sees "1" and no newline: read's status is false, the value is what counts.
read_value() { v=; read -r v < "$1"; [ -n "$v" ]; }
[ "$want4" = - ] || { read_value "$p4" && old4=$v; } || fail 69 "cannot read $p4"
[ "$want6" = - ] || { read_value "$p6" && old6=$v; } || fail 69 "cannot read $p6"
if [ "$op" != none ]; then
  [ -d "$dir" ] || mkdir -p "$dir" || fail 69 "cannot create $dir"
  # Safe under the lock: no other step is running, so any such file is a leftover.
  for f in "$dir"/.nonlocal-bind-tmp.*; do [ ! -e "$f" ] || rm -f "$f"; done
  if [ -L "$file" ]; then fail 66 "$file is a symbolic link; refusing to replace it"; fi
  if [ -e "$file" ] && [ ! -f "$file" ]; then fail 66 "$file is not a regular file"; fi
  if [ -f "$file" ]; then
    had_file=yes
    now=$(sha256sum < "$file") || fail 69 "cannot read $file"
    now=${'$'}{now%% *}
  else
    now=absent
  fi
  [ "$now" = "$expect" ] || fail 65 "$file changed since it was read"
fi
decode() { if [ "$content" = "=" ]; then :; else printf '%s' "$content" | base64 -d; fi; }
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
  [ "$ok" = yes ] || fail 70 "restoring the previous state failed"
  exit "$code"
}
if [ "$had_file" = yes ]; then
  bak="$dir/.nonlocal-bind-tmp.bak.$$"
  # A bind-mounted file cannot be linked (EXDEV): keep a full copy instead.
  ln -f "$file" "$bak" 2>/dev/null || cp --preserve=all "$file" "$bak" \
    || { rm -f "$bak"; fail 69 "cannot keep a backup of $file"; }
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
if [ "$want4" != - ]; then read_value "$p4"; [ "$v" = "$want4" ] || rollback 68 "IPv4 reads back differently"; fi
if [ "$want6" != - ]; then read_value "$p6"; [ "$v" = "$want6" ] || rollback 68 "IPv6 reads back differently"; fi
if [ "$op" = write ] || [ "$op" = write-conf ]; then
  a=$(sha256sum < "$file"); b=$(decode | sha256sum)
  [ "$a" = "$b" ] || rollback 68 "$file reads back differently"
elif [ "$op" = delete ] && [ -e "$file" ]; then
  rollback 68 "$file still exists"
fi
[ -z "$bak" ] || rm -f "$bak"
printf 'nonlocal-bind: applied\n'
exit 0
`;

/** Exit codes of the script, each mapped to its own message. */
export const STEP_EXIT = {
  ok: 0,
  invalidArguments: 64,
  fileChanged: 65,
  notRegularFile: 66,
  procReadOnly: 67,
  verifyFailed: 68,
  writeFailed: 69,
  rollbackFailed: 70,
  lockTimeout: 75,
} as const;
