import type { SettingPieces } from './script-settings';

/**
 * recover_intent: a step killed after writing its intent record left it behind. The next
 * step (or `recover`) completes the change when the file was already replaced (the durable
 * half is done), and otherwise rolls the running values back. It says what it did in one
 * line, `nonlocal-bind: recovered none|completed|rolled-back file=PATH|- KEY=V …` (V: the
 * value read afterwards, or - when the key is unavailable), for every setting of the catalogue.
 */
export function recoveryPieces(s: SettingPieces): string {
  return String.raw`recover_intent() {
  outcome=none; rfile=-
  if [ -s "$intent" ]; then
    r=; IFS= read -r r < "$intent"
    set -f; set -- $r; set +f
    [ "$#" -ge 4 ] && [ "$1" = v2 ] || fail 70 "the intent record $intent is unreadable; it was left for inspection"
    rop=$2; rname=$3; rsha=$4; shift 4
    ${s.recordReset}
    for t in "$@"; do
      case "$t" in
${s.recordArms}
      *) fail 70 "the intent record $intent is invalid";;
      esac
    done
    for x in ${s.recordWords}; do
      case "$x" in -|0|1) ;; ''|*[!0-9]*) fail 70 "the intent record $intent is invalid";; esac
    done
    case "$rop" in none|write|delete|write-conf) ;; *) fail 70 "the intent record $intent is invalid";; esac
    case "$rsha" in absent) ;; *[!0-9a-f]*|'') fail 70 "the intent record $intent is invalid";; *) [ "${'$'}{#rsha}" -eq 64 ] || fail 70 "the intent record $intent is invalid";; esac
${s.recordRanges}
    done_=no
    if [ "$rop" = none ]; then [ "$rname" = - ] || fail 70 "the intent record $intent is invalid"
    else
      [ "$rop" = write-conf ] && rname=sysctl.conf
      valid_name "$rname" || fail 70 "the intent record $intent is invalid"
      dir_for "$rop"; rfile="$dir/$rname"
      v=absent
      if [ -f "$rfile" ]; then v=$(sha256sum < "$rfile") || fail 69 "cannot read $rfile"; v=${'$'}{v%% *}; fi
      [ "$v" = "$rsha" ] && done_=yes
    fi
    ok=yes
    if [ "$done_" = yes ]; then
      outcome=completed
${s.recoverForward}
    else
      outcome=rolled-back
${s.recoverBack}
    fi
    [ "$ok" = yes ] || fail 70 "recovering the interrupted Apply failed"
    : > "$intent" || fail 70 "cannot empty $intent"
  fi
  # Leftovers of killed steps (and of older versions: output and check files).
  for f in "$state"/out.* "$state"/check.* "$state"/intent.new "$R"/etc/sysctl.d/.nonlocal-bind-tmp.* "$R"/etc/.nonlocal-bind-tmp.*; do
    [ ! -e "$f" ] || rm -f "$f"
  done
  line=
${s.recoveredValues}
  say "nonlocal-bind: recovered $outcome file=$rfile$line"
}`;
}
