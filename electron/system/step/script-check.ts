import type { Catalogue } from '../settings';
import {
  contentRuleEres,
  MAX_DIRECTORY_ENTRIES,
  MAX_FILE_BYTES,
  MAX_NEW_FILE_BYTES,
} from '../step-content-rule';

/** An ERE as an awk string literal (a dynamic regex): backslashes and quotes escaped, CR as \r. */
function awkString(ere: string): string {
  return `"${ere.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\r', '\\r')}"`;
}

/**
 * The content rule (step-content-rule.ts) as one awk run: old file $NB_OLD (empty: none),
 * new file $NB_NEW (empty: a deletion). When $NB_B64 is set, the run first decodes it into
 * $NB_NEW, as `base64 -d` does (each group of four on its own: padding ends a group, not the
 * input), so no base64 process is needed. Exit 0 accepted; 1 a line other than the settings'
 * changes; 2 a new value out of range; 3 a deletion of a file holding more; 6 an old file larger than
 * MAX_FILE_BYTES; 5 accepted only if
 * the old file's last line has no line break (the shell checks); 7 invalid base64; 8 a file
 * cannot be read; 9 this awk cannot keep NUL bytes in a string, so it cannot check. Before
 * its verdict it prints the running value of each path in $NB_PROCS (one a line; - when
 * unreadable), so the step reads them without a cat of its own.
 */
function awkProgram(catalogue: Catalogue): string {
  const eres = contentRuleEres(catalogue);
  const program = String.raw`
function kept(l) { return l !~ any && l !~ head }
function decode(b, to,   a, i, n, c1, c2, c3, c4) {
  a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  for (i = 1; i <= 64; i++) d[substr(a, i, 1)] = i - 1
  n = length(b)
  for (i = 1; i <= n; i += 4) {
    c1 = substr(b, i, 1); c2 = substr(b, i + 1, 1); c3 = substr(b, i + 2, 1); c4 = substr(b, i + 3, 1)
    if (!(c1 in d) || !(c2 in d) || (c3 == "=" && c4 != "=") || (c3 != "=" && !(c3 in d))) return 0
    if (c4 != "=" && !(c4 in d)) return 0
    printf "%c", d[c1] * 4 + int(d[c2] / 16) > to
    if (c3 != "=") printf "%c", d[c2] % 16 * 16 + int(d[c3] / 4) > to
    if (c4 != "=") printf "%c", d[c3] % 4 * 64 + d[c4] > to
  }
  close(to)
  return 1
}
function same(n) { if (n != nk) return 0; for (i = 1; i <= n; i++) if (ok[i] != nw[i]) return 0; return 1 }
BEGIN {
  any = "^(" ${awkString(eres.anyValueLine)} ")$"
  valid = "^(" ${awkString(eres.validValueLine)} ")$"
  head = "^(" ${awkString(eres.headerLines)} ")$"
  if (length(sprintf("a%cb", 0)) != 3) exit 9
  if (ENVIRON["NB_B64"] != "" && !decode(ENVIRON["NB_B64"], ENVIRON["NB_NEW"])) exit 7
  n = split(ENVIRON["NB_PROCS"], procs, "\n")
  for (i = 1; i <= n; i++) if (procs[i] != "") { v = "-"; if ((getline v < procs[i]) <= 0) v = "-"; print v; close(procs[i]) }
  old = ENVIRON["NB_OLD"]; new = ENVIRON["NB_NEW"]; no = 0; nk = 0; lines = 0
  if (old != "") {
    while ((r = (getline l < old)) > 0) {
      lines++; last = l
      # No file larger than the planner reads is changed: such a file may hold a line
      # systemd-sysctl stops at (1 MiB), and removing it would let the lines after it apply.
      ob += length(l) + 1; if (ob > ${MAX_FILE_BYTES}) exit 6
      if (l ~ any) had[l] = 1; else if (l !~ head) ok[++no] = l
    }
    if (r < 0) exit 8
  }
  if (new == "") { for (i = 1; i <= no; i++) if (ok[i] !~ /^[[:blank:]]*\r?$/) exit 3; exit 0 }
  while ((r = (getline l < new)) > 0) {
    if (l ~ any) { if (l !~ valid && !(l in had)) exit 2 } else if (l !~ head) nw[++nk] = l
  }
  if (r < 0) exit 8
  if (same(no)) exit 0
  if (lines == 0) exit 1
  m = no; if (kept(last)) m--; if (kept(last "\r")) ok[++m] = last "\r"
  exit same(m) ? 5 : 1
}`;
  if (program.includes("'")) throw new Error('the check cannot be single-quoted');
  return program;
}

/**
 * The sh side of the check: sizes and counts from the arguments and the directory, then the
 * awk run. Refuses (exit 77, nothing changed) what is more than the catalogue's settings,
 * whoever asks: a line other than theirs or the header added, removed or altered; a value
 * outside the kernel's range; a file deleted that holds anything else; a new name in
 * /etc/sysctl.d that would hide a same-named file of a later directory (its settings would
 * stop applying at boot), or a deletion that would let one apply again.
 */
export function checkPieces(catalogue: Catalogue): string {
  return String.raw`check_awk='${awkProgram(catalogue)}'
later_same_name() {
  for d in run/sysctl.d usr/local/lib/sysctl.d usr/lib/sysctl.d lib/sysctl.d; do
    if [ -e "$R/$d/$name" ] || [ -L "$R/$d/$name" ]; then later="/$d/$name"; return 0; fi
  done
  return 1
}
# The decoded size, from the base64 length (the caller sends it padded, as base64 makes it).
content_size() {
  n=${'$'}{#content}
  case "$content" in =) size=0; return 0;; esac
  [ $((n % 4)) -eq 0 ] || return 1
  case "$content" in *==) size=$((n / 4 * 3 - 2));; *=) size=$((n / 4 * 3 - 1));; *) size=$((n / 4 * 3));; esac
}
check_sizes() {
  [ "$size" -le ${MAX_FILE_BYTES} ] || fail 77 "the new content is $size bytes; at most ${MAX_FILE_BYTES} are allowed"
  [ "$had_file" = no ] || return 0
  [ "$op" = write-conf ] || ! later_same_name || fail 77 "a new $file would hide $later at boot"
  # A new file holds a header and a few lines: bounded, like how many there may be.
  [ "$size" -le ${MAX_NEW_FILE_BYTES} ] || fail 77 "a new file may hold at most ${MAX_NEW_FILE_BYTES} bytes"
  set -- "$dir"/*; [ "$#" -lt ${MAX_DIRECTORY_ENTRIES} ] || fail 77 "$dir already holds ${MAX_DIRECTORY_ENTRIES} entries"
}
verdict=
# The awk run: for a write it decodes the content into $tmp first. Its verdict waits in
# $verdict until the file is known to be unchanged (judge_check).
run_check() {
  co=; cn=; cb=
  [ "$had_file" = no ] || co=$file
  if [ "$op" != delete ]; then cn=$tmp; [ "$content" = = ] || cb=$content; fi
  vals=$(NB_PROCS=$procs NB_OLD=$co NB_NEW=$cn NB_B64=$cb awk "$check_awk")
  verdict=$?
}
check_delete() {
  [ "$dir" != "$R/etc/sysctl.d" ] || ! later_same_name || fail 77 "deleting $file would let $later apply at boot"
}
judge_check() {
  [ -n "$verdict" ] || return 0
  case $verdict in
    0) ;;
    # A last line without a line break gets one when a line is added after it: in a CRLF
    # file that break is CR LF, and the CR, which both engines strip, joins that line.
    5) [ "$(tail -c 1 "$file"; echo x)" != "$nl"x ] || fail 77 "the new content changes lines other than the settings'";;
    1) fail 77 "the new content changes lines other than the settings'";;
    2) fail 77 "the new content sets a value outside its kernel range";;
    3) fail 77 "$file holds more than the settings; it is not deleted";;
    6) fail 77 "$file is larger than ${MAX_FILE_BYTES} bytes; it is not changed";;
    *) fail 77 "cannot check the new content";;
  esac
  vals="$vals$nl"; have_vals=yes
}`;
}
