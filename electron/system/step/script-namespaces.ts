import { BIND_SCRIPT, MAX_BIND_ADDRESSES } from '../nodes/node-bind-test';
import type { Catalogue } from '../settings';
import type { SettingPieces } from './script-settings';

/** Most namespaces one `ns-read` names (one authentication reads them all). */
export const MAX_NAMESPACE_REFS = 64;
/** Longest `ip netns` name the step accepts (a file name under /run/netns: NAME_MAX). */
export const MAX_NAMESPACE_NAME_LENGTH = 255;
/** Longest pid (pid_max is at most 4194304) and inode the step accepts, in digits. */
export const MAX_PID_DIGITS = 7;
export const MAX_INODE_DIGITS = 20;

/** A constant shell word: the text in single quotes, each quote spelled '\''. */
const quoted = (text: string) => `'${text.replaceAll("'", String.raw`'\''`)}'`;

/**
 * Reads each KEY PATH pair of its arguments inside the namespace it runs in, one line of
 * KEY=VALUE: the number, "unexpected" (anything else, empty included), or "absent" (the
 * file cannot be opened there: no IPv6 in that namespace, a key this kernel lacks).
 * awk with only a BEGIN block reads no input; getline reads from offset 0, as procfs wants.
 */
const READ_PROGRAM = String.raw`BEGIN {
  for (i = 1; i + 1 < ARGC; i += 2) {
    f = ARGV[i + 1]; v = "absent"; r = (getline l < f)
    if (r > 0) v = (l ~ /^[0-9]+$/ && length(l) <= 10) ? l : "unexpected"
    else if (r == 0) v = "unexpected"
    close(f); printf "%s%s=%s", (i > 1 ? " " : ""), ARGV[i], v
  }
  print ""
}`;

/**
 * Writes each KEY PATH WANT OLD quadruple of its arguments (after the read program, $1;
 * WANT - leaves that key alone) inside the namespace it runs in; if a write fails, puts back the values it already
 * wrote (builtins only) and exits 69; otherwise becomes the read program, the read-back.
 * Paths are catalogue paths and values digits, so splitting $undo on spaces is exact.
 */
const SET_PROGRAM = String.raw`set -f; r=$1; shift; n=$#; i=0; ok=yes; undo=
while [ "$i" -lt "$n" ]; do
  k=$1; p=$2; w=$3; o=$4; shift 4; i=$((i + 4))
  if [ "$ok" = yes ] && [ "$w" != - ]; then
    if printf "%s\n" "$w" > "$p"; then undo="$undo $p=$o"; else ok=no; fi
  fi
  set -- "$@" "$k" "$p"
done
if [ "$ok" = no ]; then
  for x in $undo; do
    o=${'$'}{x#*=}; case $o in ""|*[!0-9]*) ;; *) printf "%s\n" "$o" > "${'$'}{x%%=*}";; esac
  done
  exit 69
fi
exec awk "$r" "$@"`;

/**
 * The step's namespace operations (issue 18; docs/step-protocol.md, "Inside other network
 * namespaces"): `v2 -- ns-read REF…`, `v2 KEY=0|1… -- ns-set REF`, `v2 -- ns-bind REF ADDR…`.
 * A REF is `pid/PID/INODE` or `name/NAME/INODE`. The step opens the namespace file once on
 * fd 7, checks that what it opened is a network namespace file with that inode, and enters
 * it only through that descriptor (nsenter --net=/proc/$$/fd/7): a pid reused or a name
 * re-pointed after the app listed it is refused, never read or changed. They write no file,
 * take no lock (they never touch what an Apply's transaction guards: the step's own
 * namespace is refused for ns-set) and ignore NONLOCAL_BIND_ROOT (a kernel namespace has no
 * copy under a directory). Runs before the Apply parse and exits; the Apply path is unchanged.
 */
export function namespacePieces(catalogue: Catalogue, s: SettingPieces): string {
  const each = (f: (key: string, i: number, path: string) => string) =>
    catalogue.map((c, n) => f(c.key, n + 1, c.procPath)).join('\n');
  const keyPaths = catalogue.map((c) => `${c.key} ${c.procPath}`).join(' ');
  return String.raw`ns_read_prog=${quoted(READ_PROGRAM)}
ns_set_prog=${quoted(SET_PROGRAM)}
ns_bind_prog=${quoted(BIND_SCRIPT)}
# A REF: pid/PID/INODE or name/NAME/INODE, digits without leading zeros, a name of the
# characters ip netns names are made of, never starting with a dot. Sets ns_path, ns_ino.
ns_ref() {
  ns_via=${'$'}{1%%/*}; x=${'$'}{1#*/}; ns_ino=${'$'}{x##*/}; ns_id=${'$'}{x%/*}
  [ "$x" != "$1" ] && [ "$ns_id" != "$x" ] || return 1
  case "$ns_ino" in ''|0*|*[!0-9]*) return 1;; esac
  [ "${'$'}{#ns_ino}" -le ${MAX_INODE_DIGITS} ] || return 1
  case "$ns_via" in
    pid)
      case "$ns_id" in ''|0*|*[!0-9]*) return 1;; esac
      [ "${'$'}{#ns_id}" -le ${MAX_PID_DIGITS} ] || return 1
      ns_path=/proc/$ns_id/ns/net;;
    name)
      case "$ns_id" in ''|.*|*[!A-Za-z0-9_.-]*) return 1;; esac
      [ "${'$'}{#ns_id}" -le ${MAX_NAMESPACE_NAME_LENGTH} ] || return 1
      ns_path=/run/netns/$ns_id;;
    *) return 1;;
  esac
}
# Opens the namespace of the last ns_ref on fd 7 and checks it: ns_state ok, gone (no such
# process or name), changed (another namespace now) or cannot-enter; ns_own yes when it is
# the step's own. A /run/netns entry that is a link or not a regular file is never opened
# (a FIFO would block the open).
ns_open() {
  ns_own=no; ns_state=cannot-enter
  command exec 7<&-
  if [ "$ns_via" = name ]; then
    if [ -L "$ns_path" ]; then return 1; fi
    if [ ! -e "$ns_path" ]; then ns_state=gone; return 1; fi
    [ -f "$ns_path" ] || return 1
  fi
  if ! { command exec 7<"$ns_path"; } 2>/dev/null; then
    # Gone: no such name or process, or a process that has ended (a zombie, state Z or X,
    # holds no namespace). Otherwise the kernel refused the open: cannot-enter.
    if [ "$ns_via" = name ]; then [ -e "$ns_path" ] || ns_state=gone; return 1; fi
    { read -r x < "/proc/$ns_id/stat"; } 2>/dev/null || { ns_state=gone; return 1; }
    case "${'$'}{x##*) }" in Z*|X*) ns_state=gone;; esac
    return 1
  fi
  # The opened file against the step's own namespace: the same file system (nsfs), and
  # its inode the one asked for.
  x=$(stat -L -c '%d %i' "/proc/$$/fd/7" "/proc/$$/ns/net" 2>/dev/null) || return 1
  l1=${'$'}{x%%"$nl"*}; l2=${'$'}{x#*"$nl"}
  [ "${'$'}{l1% *}" = "${'$'}{l2% *}" ] || return 1
  [ "${'$'}{l1#* }" = "$ns_ino" ] || { ns_state=changed; return 1; }
  [ "${'$'}{l2#* }" != "$ns_ino" ] || ns_own=yes
  ns_state=ok
}
ns_read() { ns_vals=$(nsenter "--net=/proc/$$/fd/7" -- awk "$ns_read_prog" ${keyPaths} 2>/dev/null); }
# An address as the caller spells it (":" as "-", which no other token may hold), back to
# an IP literal: four decimal parts of at most 255, or hex groups with one "::" at most.
ns_address() {
  a=$1
  case "$a" in
    *[!0-9.]*) ;;
    *) x=$a.; k=0
       while [ -n "$x" ]; do
         p=${'$'}{x%%.*}; x=${'$'}{x#*.}; k=$((k + 1))
         case "$p" in ''|0?*|????*) return 1;; esac
         [ "$p" -le 255 ] || return 1
       done
       [ "$k" -eq 4 ]; return;;
  esac
  case "$a" in ''|*[!0-9A-Fa-f.-]*|*-*-*-*-*-*-*-*-*-*|*---*|*--*--*) return 1;; *-*-*) ;; *) return 1;; esac
  [ "${'$'}{#a}" -le 45 ] || return 1
  while :; do case "$a" in *-*) a="${'$'}{a%%-*}:${'$'}{a#*-}";; *) break;; esac; done
}
ns_line() { printf 'nonlocal-bind: ns %s %s %s\n' "$1" "$ns_ino" "$2"; }
namespace_op() {
  shift
  while [ "$1" != -- ]; do
    case "$1" in
${s.argumentArms}
    *) fail 64 "unknown setting or value: $1";;
    esac
    shift
  done
  shift; op=$1; shift
  ns_any=no
${each((_, i) => `  [ "$w${i}" = - ] || ns_any=yes`)}
  PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH
  case "$op" in
    ns-read)
      [ "$ns_any" = no ] || fail 64 "ns-read takes no settings"
      [ "$#" -ge 1 ] && [ "$#" -le ${MAX_NAMESPACE_REFS} ] || fail 64 "ns-read takes 1 to ${MAX_NAMESPACE_REFS} namespaces"
      for r in "$@"; do ns_ref "$r" || fail 64 "invalid namespace: $r"; done
      i=0
      for r in "$@"; do
        i=$((i + 1)); ns_ref "$r"
        if ns_open; then ns_read || ns_state=cannot-enter; fi
        if [ "$ns_state" = ok ]; then ns_line "$i" "ok $ns_vals"; else ns_line "$i" "$ns_state"; fi
      done
      command exec 7<&-
      printf 'nonlocal-bind: ns-read %s\n' "$i"
      exit 0;;
    ns-set)
      [ "$ns_any" = yes ] || fail 64 "ns-set needs a setting"
      [ "$#" -eq 1 ] && ns_ref "$1" || fail 64 "ns-set takes one namespace"
      if ns_open; then ns_read || ns_state=cannot-enter; fi
      [ "$ns_state" = ok ] || { ns_line 1 "$ns_state"; exit 0; }
      # The step's own namespace is changed by an Apply, under its lock and record.
      [ "$ns_own" = no ] || { ns_line 1 own; fail 64 "ns-set refuses the step's own namespace"; }
      x=" $ns_vals "
${each((key, i) => `      o${i}=${'$'}{x#* ${key}=}; o${i}=${'$'}{o${i}%% *}`)}
      set -- "$ns_read_prog"
${each((key, i, path) => `      set -- "$@" ${key} ${path} "$w${i}" "$o${i}"`)}
      ns_vals=$(nsenter "--net=/proc/$$/fd/7" -- sh -c "$ns_set_prog" sh "$@") || fail 69 "setting inside the namespace failed; restored"
      command exec 7<&-
      ns_line 1 "ok $ns_vals"
      x=" $ns_vals "
${each((key, i) => `      [ "$w${i}" = - ] || case "$x" in *" ${key}=$w${i} "*) ;; *) fail 68 "${key} reads back differently";; esac`)}
      printf 'nonlocal-bind: ns-set 1\n'
      exit 0;;
    ns-bind)
      [ "$ns_any" = no ] || fail 64 "ns-bind takes no settings"
      [ "$#" -ge 2 ] && [ "$#" -le ${MAX_BIND_ADDRESSES + 1} ] || fail 64 "ns-bind takes one namespace and 1 to ${MAX_BIND_ADDRESSES} addresses"
      ns_ref "$1" || fail 64 "invalid namespace: $1"
      shift; n=$#
      while [ "$n" -gt 0 ]; do ns_address "$1" || fail 64 "invalid address: $1"; set -- "$@" "$a"; shift; n=$((n - 1)); done
      if ns_open; then
        ns_out=$(nsenter "--net=/proc/$$/fd/7" -- sh -c "$ns_bind_prog" sh "$@") || ns_state=cannot-enter
      fi
      command exec 7<&-
      if [ "$ns_state" != ok ]; then ns_line 1 "$ns_state"; exit 0; fi
      ns_line 1 ok; printf '%s\n' "$ns_out"
      printf 'nonlocal-bind: ns-bind 1\n'
      exit 0;;
  esac
}
# Only a v2 call whose operation after "--" is a namespace one goes there.
ns_op=
if [ "$#" -ge 3 ] && [ "$1" = v2 ]; then
  x=no; for a in "$@"; do if [ "$x" = yes ]; then ns_op=$a; break; fi; [ "$a" != -- ] || x=yes; done
fi
case "$ns_op" in ns-read|ns-set|ns-bind) namespace_op "$@";; esac`;
}
