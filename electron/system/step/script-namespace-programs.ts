/**
 * The constant programs the step runs inside other network namespaces
 * (script-namespaces.ts): they take only validated words as arguments, and are spliced into
 * the script as single-quoted shell words.
 */

/** A constant shell word: the text in single quotes, each quote spelled '\''. */
export const quoted = (text: string) => `'${text.replaceAll("'", String.raw`'\''`)}'`;

/**
 * Reads each KEY PATH pair of its arguments (after a number, $1) inside the namespace it runs
 * in, one line: the number, then KEY=VALUE for each: the number, "unexpected" (anything else, empty included), or "absent" (the
 * file cannot be opened there: no IPv6 in that namespace, a key this kernel lacks).
 * awk with only a BEGIN block reads no input; getline reads from offset 0, as procfs wants.
 */
export const READ_PROGRAM = String.raw`BEGIN {
  s = ARGV[1]
  for (i = 2; i + 1 < ARGC; i += 2) {
    f = ARGV[i + 1]; v = "absent"; r = (getline l < f)
    if (r > 0) v = (l ~ /^[0-9]+$/ && length(l) <= 10) ? l : "unexpected"
    else if (r == 0) v = "unexpected"
    close(f); s = s " " ARGV[i] "=" v
  }
  print s
}`;

/**
 * Writes each KEY PATH WANT OLD quadruple of its arguments (after the read program, $1;
 * WANT - leaves that key alone) inside the namespace it runs in; if a write fails, puts back the values it already
 * wrote (builtins only) and exits 69; otherwise becomes the read program, the read-back.
 * Paths are catalogue paths and values digits, so splitting $undo on spaces is exact.
 */
export const SET_PROGRAM = String.raw`set -f; r=$1; shift; n=$#; i=0; ok=yes; undo=
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
exec awk "$r" 1 "$@"`;

/**
 * Reads inside every namespace of its arguments in one process (a process per namespace
 * is what reading 20 costs most): setns(2) through perl's syscall, whose number comes from
 * a table by the ELF machine of perl itself (no module is loaded, so no library path can
 * add code). Arguments: the count of KEY PATH pairs, the pairs, then "N VIA PATH INODE"
 * for each namespace. For each it opens the namespace file once, checks that what it
 * opened is an nsfs file with that inode (the one asked for), enters it through that
 * handle, and prints "N KEY=VALUE..." as the read program does, or "N !PROBLEM"; then
 * "done". Exit 3: not usable here (an unknown machine), the shell reads the other way.
 */
export const PERL_READ_PROGRAM = String.raw`my %nr = (62 => 308, 3 => 346, 183 => 268, 40 => 375, 243 => 268, 258 => 268, 21 => 350, 20 => 350, 22 => 339);
open(my $exe, "<", "/proc/self/exe") or exit 3; binmode $exe;
read($exe, my $h, 20) == 20 or exit 3; close $exe;
my $nr = $nr{unpack(substr($h, 5, 1) eq "\x02" ? "n" : "v", substr($h, 18, 2))} or exit 3;
my @own = stat("/proc/self/ns/net") or exit 3;
my @kp = splice(@ARGV, 1, 2 * $ARGV[0]); shift @ARGV;
while (@ARGV >= 4) {
  my ($n, $via, $path, $ino) = splice(@ARGV, 0, 4);
  my $fh; my $p = "cannot-enter";
  if ($via eq "name" && -l $path) { }
  elsif ($via eq "name" && !-e _) { $p = "gone" }
  elsif ($via eq "name" && !-f _) { }
  elsif (!open($fh, "<", $path)) {
    if ($via eq "name") { $p = "gone" unless -e $path }
    else {
      my $st; my $id = (split m{/}, $path)[2];
      if (open(my $s, "<", "/proc/$id/stat")) { $st = <$s>; close $s }
      $p = "gone" if !defined $st || $st =~ /.*\) [ZX]/s;
    }
  }
  else {
    my @st = stat($fh);
    if (@st && $st[0] == $own[0] && $st[1] eq $ino) {
      $p = syscall($nr, fileno($fh), 0x40000000) == 0 ? "" : "cannot-enter";
    } elsif (@st && $st[0] == $own[0]) { $p = "changed" }
    close $fh;
  }
  if ($p ne "") { print "$n !$p\n"; next }
  my $line = $n;
  for (my $i = 0; $i < @kp; $i += 2) {
    my $v = "absent";
    if (open(my $f, "<", $kp[$i + 1])) {
      my $l = <$f>; close $f; $v = "unexpected";
      $v = $1 if defined $l && $l =~ /^([0-9]{1,10})\n?\z/;
    }
    $line .= " $kp[$i]=$v";
  }
  print "$line\n";
}
print "done\n";`;
