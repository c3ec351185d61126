import { SETTINGS, type Catalogue } from '../settings';
import { SYSCTL_CONF, SYSCTL_DIRECTORIES } from '../sysctl-sources';

/** Largest file the node sends; one byte more tells the parser it was larger. */
export const NODE_FILE_CAP = 64 * 1024;

// The shell's own basename of $f, written out so the template does not read it as a JS hole.
const BASENAME_OF_F = '${f##*/}';
// The directory of $2 (the shell's own expansion, likewise).
const DIRECTORY_OF_2 = '${2%/*}';

/** Most load-balancer configuration files one read sends. */
export const NODE_VIP_FILE_LIMIT = 30;

/**
 * Load-balancer configuration the node sends for VIP discovery: the files the
 * local reader starts from, and the include directories Debian and RHEL use.
 */
export const NODE_VIP_FILES = [
  '/etc/haproxy/haproxy.cfg',
  '/etc/keepalived/keepalived.conf',
  '/etc/nginx/nginx.conf',
  '/etc/nginx/conf.d/*.conf',
  '/etc/nginx/sites-enabled/*',
] as const;

/** A catalogue's ids and paths go into the script as words: nothing a shell would expand. */
const SHELL_WORD = /^[A-Za-z0-9._/-]+$/;

/**
 * One `rt ID PATH` line per setting: the function prints its RUNTIME record. A path whose
 * directory is missing too says the family is absent (IPv6 disabled), not just the key.
 */
function runtimeLines(catalogue: Catalogue): string {
  return catalogue
    .map(({ id, procPath }) => {
      if (!SHELL_WORD.test(id) || !SHELL_WORD.test(procPath))
        throw new Error(`catalogue entry ${JSON.stringify(id)} is not safe in a shell script`);
      return `rt ${id} ${procPath}`;
    })
    .join('\n');
}

/**
 * The unprivileged read script of a catalogue, sent on the ssh session's stdin to `sh -s NONCE`.
 *
 * One round trip gives the OS, kernel release, runtime values, whether `sysctl`
 * exists, and every sysctl source. Every record is one line of space-separated
 * fields and every variable field is base64: file content, names and link targets
 * can hold newlines or spaces, but never the framing itself.
 *
 * Its $1 is a per-call nonce (hex, made by the app) that frames the answer, so what a
 * login shell prints around it (an `echo` in ~/.bashrc) is ignored (read-framing.ts).
 *
 * With GNU find, each sysctl directory is read in one pass, a fixed number of processes
 * whatever it holds (forking per file made 5,000 files take over 15 s):
 * - LIST: every *.conf entry, NUL-separated triples: readable (r|u) + own type + type
 *   followed (find's %y%Y: f d l p s c b, N dangling, L loop), the name, the link target.
 * - SIZES: the regular files it may read (links followed): size and name pairs.
 * - DATA: the content of those of them no larger than the cap, concatenated in the same
 *   order; the parser cuts it by the sizes (and refuses the answer when they disagree).
 * Without GNU find (BusyBox) it falls back to one record per file.
 */
export function readScript(catalogue: Catalogue): string {
  return String.raw`
LC_ALL=C; export LC_ALL
PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH
nonce=$1
case "$nonce" in *[!0-9a-f]*|'') exit 64;; esac
command -v base64 >/dev/null 2>&1 || { echo "NLB-ERROR $nonce no-base64"; exit 0; }
b() { base64 -w0 2>/dev/null || base64 | tr -d '\n'; }
s() { printf %s "$1" | b; }
fast=no
find / -maxdepth 0 -readable -printf '' >/dev/null 2>&1 && fast=yes
echo "NLB-READ 2 $nonce"
printf 'OS %s\n' "$(uname -s | b)"
printf 'KERNEL %s\n' "$(uname -r | b)"
rt() {
  if [ -r "$2" ]; then printf 'RUNTIME %s %s\n' "$1" "$(head -c 64 "$2" | b)"
  elif [ -e "$2" ]; then printf 'RUNTIME-DENIED %s\n' "$1"
  elif [ -d "${DIRECTORY_OF_2}" ]; then printf 'RUNTIME-MISSING %s\n' "$1"
  else printf 'RUNTIME-ABSENT %s\n' "$1"; fi
}
${runtimeLines(catalogue)}
if command -v sysctl >/dev/null 2>&1; then echo "HAS-SYSCTL"; fi
entry() {
  f=$1; n=$(s "${BASENAME_OF_F}")
  if [ -L "$f" ]; then t=$(readlink "$f"); tb=$(s "$t"); else tb=-; fi
  if [ -L "$f" ] && [ "$t" = /dev/null ]; then printf 'MASKED %s %s\n' "$n" "$tb"
  elif [ -f "$f" ] && [ -r "$f" ]; then printf 'FILE %s %s %s\n' "$n" "$tb" "$(head -c ${NODE_FILE_CAP + 1} "$f" | b)"
  elif [ -d "$f" ]; then printf 'UNREADABLE %s %s\n' "$n" "$(s 'a directory')"
  elif [ -L "$f" ] && [ ! -e "$f" ]; then printf 'UNREADABLE %s %s\n' "$n" "$(s 'a dangling link')"
  elif [ -e "$f" ] && [ ! -r "$f" ]; then printf 'UNREADABLE %s %s\n' "$n" "$(s 'permission denied')"
  else printf 'UNREADABLE %s %s\n' "$n" "$(s 'not a regular file')"; fi
}
for d in ${SYSCTL_DIRECTORIES.join(' ')}; do
  [ -d "$d" ] || continue
  if [ ! -r "$d" ] || [ ! -x "$d" ]; then printf 'DIR-DENIED %s\n' "$(s "$d")"; continue; fi
  printf 'DIR %s %s\n' "$(s "$d")" "$(stat -L -c %d:%i "$d" 2>/dev/null | b)"
  if [ $fast = yes ]; then
    # Every name ending in .conf, dot files too: systemd-sysctl skips them, sysctl --system applies them.
    # Streamed, never held in a shell variable: a directory of large files costs no memory here.
    printf 'LIST '; find "$d/" -mindepth 1 -maxdepth 1 -name '*.conf' \( -readable -printf r -o -printf u \) -printf '%y%Y\0%P\0%l\0' 2>/dev/null | b; echo
    printf 'SIZES '; find -L "$d/" -mindepth 1 -maxdepth 1 -name '*.conf' -type f -readable -printf '%s\0%P\0' 2>/dev/null | b; echo
    printf 'DATA '; find -L "$d/" -mindepth 1 -maxdepth 1 -name '*.conf' -type f -readable -size -${NODE_FILE_CAP + 1}c -exec cat -- {} + 2>/dev/null | b; echo
    continue
  fi
  for f in "$d"/*.conf "$d"/.*.conf "$d"/.conf; do
    if [ -e "$f" ] || [ -L "$f" ]; then entry "$f"; fi
  done
done
if [ -e ${SYSCTL_CONF} ] || [ -L ${SYSCTL_CONF} ]; then printf 'CONF\n'; entry ${SYSCTL_CONF}; fi
if command -v ip >/dev/null 2>&1; then printf 'ADDRS %s\n' "$(ip -o addr show 2>/dev/null | head -c 65536 | b)"; fi
n=0
for f in ${NODE_VIP_FILES.join(' ')}; do
  [ $n -lt ${NODE_VIP_FILE_LIMIT} ] || break
  if [ -f "$f" ] && [ -r "$f" ]; then
    n=$((n + 1)); printf 'VIPFILE %s %s\n' "$(s "$f")" "$(head -c ${NODE_FILE_CAP + 1} "$f" | b)"
  fi
done
echo "NLB-END $nonce"
`;
}

/** The read script of the app's catalogue. */
export const READ_SCRIPT = readScript(SETTINGS);
