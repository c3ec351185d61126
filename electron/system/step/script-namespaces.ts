import { BIND_SCRIPT, MAX_BIND_ADDRESSES } from '../nodes/node-bind-test';
import type { Catalogue } from '../settings';
import { PERL_READ_PROGRAM, quoted, READ_PROGRAM, SET_PROGRAM } from './script-namespace-programs';
import type { SettingPieces } from './script-settings';

/** Most namespaces one `ns-read` names (one authentication reads them all). */
export const MAX_NAMESPACE_REFS = 64;
/** Longest `ip netns` name the step accepts (a file name under /run/netns: NAME_MAX). */
export const MAX_NAMESPACE_NAME_LENGTH = 255;
/** Longest pid (pid_max is at most 4194304) and inode the step accepts, in digits. */
export const MAX_PID_DIGITS = 7;
export const MAX_INODE_DIGITS = 20;

/** The descriptors namespaces are opened on (the Apply's 8 and 9 are not in use yet). */
const FDS = [3, 4, 5, 6, 7, 8, 9] as const;

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
  const keyCount = catalogue.length;
  return String.raw`ns_read_prog=${quoted(READ_PROGRAM)}
ns_perl_prog=${quoted(PERL_READ_PROGRAM)}
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
# Opens the namespace of the last ns_ref on fd $1 (3 to 9): ns_state opened, gone (no such
# process or name, or an ended one) or cannot-enter. A /run/netns entry that is a link or
# not a regular file is never opened (a FIFO would block the open).
ns_open_fd() {
  ns_state=cannot-enter
  if [ "$ns_via" = name ]; then
    if [ -L "$ns_path" ]; then return 1; fi
    if [ ! -e "$ns_path" ]; then ns_state=gone; return 1; fi
    [ -f "$ns_path" ] || return 1
  fi
  if ! ns_fd "$1"; then
    # Gone: no such name or process, or a process that has ended (a zombie, state Z or X,
    # holds no namespace). Otherwise the kernel refused the open: cannot-enter.
    if [ "$ns_via" = name ]; then [ -e "$ns_path" ] || ns_state=gone; return 1; fi
    { read -r x < "/proc/$ns_id/stat"; } 2>/dev/null || { ns_state=gone; return 1; }
    case "${'$'}{x##*) }" in Z*|X*) ns_state=gone;; esac
    return 1
  fi
  ns_state=opened
}
ns_fd() {
  case "$1" in
${FDS.map((fd) => `    ${fd}) { command exec ${fd}<"$ns_path"; } 2>/dev/null;;`).join('\n')}
    *) return 1;;
  esac
}
ns_close() { command exec ${FDS.map((fd) => `${fd}<&-`).join(' ')}; }
# An opened namespace's "DEV INODE" ($1) against the step's own ($2), both from stat -L:
# the same file system (nsfs) and the inode asked for ($3), or refused. ns_own yes when it
# is the step's own namespace.
ns_check() {
  ns_own=no; ns_state=cannot-enter
  [ -n "$1" ] && [ "${'$'}{1% *}" = "${'$'}{2% *}" ] || return 1
  [ "${'$'}{1#* }" = "$3" ] || { ns_state=changed; return 1; }
  [ "${'$'}{2#* }" != "$3" ] || ns_own=yes
  ns_state=ok
}
# One namespace on fd 7, opened and checked.
ns_open() {
  ns_close; ns_own=no
  ns_open_fd 7 || return 1
  x=$(stat -L -c '%d %i' "/proc/$$/fd/7" "/proc/$$/ns/net" 2>/dev/null) || { ns_state=cannot-enter; return 1; }
  ns_check "${'$'}{x%%"$nl"*}" "${'$'}{x#*"$nl"}" "$ns_ino"
}
ns_read() {
  ns_vals=$(nsenter "--net=/proc/$$/fd/$1" -- awk "$ns_read_prog" 1 ${keyPaths} 2>/dev/null) || return 1
  ns_vals=${'$'}{ns_vals#1 }
}
# ns-read, the other way (no usable perl): the namespaces of "$@" in groups of up to seven
# (fds 3 to 9), one stat for each group. Each that passes is read at once, in the background
# (nsenter enters through its own inherited copy of the descriptor, /proc/self/fd/N, so the
# next group may reuse the number), and the rest say their problem: one line each, one
# write, led by its number, as the perl program prints them.
ns_read_each() {
  i=0
  while [ "$#" -gt 0 ]; do
    grp=; paths=
    for fd in ${FDS.join(' ')}; do
      [ "$#" -gt 0 ] || break
      i=$((i + 1)); ns_ref "$1"; shift
      if ns_open_fd "$fd"; then paths="$paths /proc/self/fd/$fd"; fi
      grp="$grp$i $fd $ns_ino $ns_state$nl"
    done
    st=
    # Word splitting of $paths is exact: /proc/self/fd/N, no spaces or patterns.
    [ -z "$paths" ] || st=$(stat -L -c '%d %i' $paths /proc/self/ns/net 2>/dev/null) || st=
    own=${'$'}{st##*"$nl"}
    while [ -n "$grp" ]; do
      g=${'$'}{grp%%"$nl"*}; grp=${'$'}{grp#*"$nl"}
      n=${'$'}{g%% *}; g=${'$'}{g#* }; fd=${'$'}{g%% *}; g=${'$'}{g#* }; ns_ino=${'$'}{g%% *}; ns_state=${'$'}{g#* }
      if [ "$ns_state" = opened ]; then
        l=${'$'}{st%%"$nl"*}; st=${'$'}{st#*"$nl"}
        if ns_check "$l" "$own" "$ns_ino"; then
          nsenter "--net=/proc/self/fd/$fd" -- awk "$ns_read_prog" "$n" ${keyPaths} 2>/dev/null &
          continue
        fi
      fi
      printf '%s !%s\n' "$n" "$ns_state"
    done
    ns_close
  done
  wait
}
# ns-read: every namespace of "$@" read in one perl process, or, where that cannot run,
# one nsenter each; then a line for each namespace, in the order asked.
ns_read_all() {
  ns_args=; i=0
  for r in "$@"; do i=$((i + 1)); ns_ref "$r"; ns_args="$ns_args $i $ns_via $ns_path $ns_ino"; done
  # Perl's own environment could load code into it (the step's caller may be root's app).
  unset PERL5OPT PERL5LIB PERLLIB PERL5DB PERLIO PERL_UNICODE
  # Word splitting of $ns_args is exact: numbers, pid|name, checked paths, no patterns.
  if ns_all=$(perl -e "$ns_perl_prog" ${keyCount} ${keyPaths} $ns_args 2>/dev/null) &&
    [ "${'$'}{ns_all##*"$nl"}" = done ]; then :
  else ns_all=$(ns_read_each "$@"); fi
  ns_all="$nl$ns_all$nl"; i=0
  for r in "$@"; do
    i=$((i + 1)); ns_ref "$r"
    case "$ns_all" in
      *"$nl$i "*) x=${'$'}{ns_all#*"$nl$i "}; x=${'$'}{x%%"$nl"*};;
      *) x='!cannot-enter';;
    esac
    case "$x" in !*) ns_line "$i" "${'$'}{x#!}";; *) ns_line "$i" "ok $x";; esac
  done
  printf 'nonlocal-bind: ns-read %s\n' "$i"
}
# An IPv4 literal: four decimal parts of at most 255, without leading zeros.
ns_ipv4() {
  case "$1" in ''|*[!0-9.]*) return 1;; esac
  x=$1.; k=0
  while [ -n "$x" ]; do
    p=${'$'}{x%%.*}; x=${'$'}{x#*.}; k=$((k + 1))
    case "$p" in ''|0?*|????*) return 1;; esac
    [ "$p" -le 255 ] || return 1
  done
  [ "$k" -eq 4 ]
}
# Hex groups of 1 to 4 digits separated by "-" ($1, may be empty), a dotted quad (two
# groups' worth) only as the very last when $2 is yes: their count in g.
ns_groups() {
  g=0; [ -n "$1" ] || return 0
  y=$1-
  while [ -n "$y" ]; do
    q=${'$'}{y%%-*}; y=${'$'}{y#*-}; g=$((g + 1))
    case "$q" in
      *.*) [ "$2" = yes ] && [ -z "$y" ] && ns_ipv4 "$q" || return 1; g=$((g + 1));;
      ''|?????*|*[!0-9A-Fa-f]*) return 1;;
    esac
  done
}
# An address as the caller spells it (":" as "-", which no other token may hold), back to
# an IP literal: IPv4, or IPv6 as inet_pton reads it (eight groups, or at most seven around
# one "::"; no zone). Anything else would reach the bind program as a host name to look up.
ns_address() {
  a=$1
  case "$a" in *[!0-9.]*) ;; *) ns_ipv4 "$a"; return;; esac
  case "$a" in ''|*[!0-9A-Fa-f.-]*|*---*|*--*--*) return 1;; esac
  [ "${'$'}{#a}" -le 45 ] || return 1
  case "$a" in
    *--*) ns_groups "${'$'}{a%%--*}" no || return 1; h=$g
      ns_groups "${'$'}{a#*--}" yes && [ $((h + g)) -le 7 ] || return 1;;
    *) ns_groups "$a" yes && [ "$g" -eq 8 ] || return 1;;
  esac
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
  # The caller's working directory is theirs (pkexec --keep-cwd, sudo on a node), and
  # python3 -c imports from it first: the programs run as root from / instead.
  cd / || fail 69 "cannot change to /"
  case "$op" in
    ns-read)
      [ "$ns_any" = no ] || fail 64 "ns-read takes no settings"
      [ "$#" -ge 1 ] && [ "$#" -le ${MAX_NAMESPACE_REFS} ] || fail 64 "ns-read takes 1 to ${MAX_NAMESPACE_REFS} namespaces"
      for r in "$@"; do ns_ref "$r" || fail 64 "invalid namespace: $r"; done
      ns_read_all "$@"
      exit 0;;
    ns-set)
      [ "$ns_any" = yes ] || fail 64 "ns-set needs a setting"
      [ "$#" -eq 1 ] && ns_ref "$1" || fail 64 "ns-set takes one namespace"
      if ns_open; then ns_read 7 || ns_state=cannot-enter; fi
      [ "$ns_state" = ok ] || { ns_line 1 "$ns_state"; exit 0; }
      # The step's own namespace is changed by an Apply, under its lock and record.
      [ "$ns_own" = no ] || { ns_line 1 own; fail 64 "ns-set refuses the step's own namespace"; }
      x=" $ns_vals "
${each((key, i) => `      o${i}=${'$'}{x#* ${key}=}; o${i}=${'$'}{o${i}%% *}`)}
      set -- "$ns_read_prog"
${each((key, i, path) => `      set -- "$@" ${key} ${path} "$w${i}" "$o${i}"`)}
      ns_vals=$(nsenter "--net=/proc/$$/fd/7" -- sh -c "$ns_set_prog" sh "$@") || fail 69 "setting inside the namespace failed; restored"
      ns_vals=${'$'}{ns_vals#1 }
      ns_close
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
      ns_close
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
