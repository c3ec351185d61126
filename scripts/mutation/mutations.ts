/**
 * The safety nets `npm run mutation` takes out, one at a time. Each edit replaces text that
 * must occur exactly once in the file (as committed); when the file has moved on and an
 * anchor is gone, the run reports the mutation as not planted instead of guessing.
 *
 * Anchors are the TypeScript source of the step (String.raw), so a backslash here is one
 * backslash there, and `${'$'}` never appears in them.
 */
export interface Edit {
  readonly find: string;
  readonly replace: string;
}

export interface Mutation {
  readonly id: string;
  /** The net taken out, in words. */
  readonly net: string;
  readonly file: string;
  readonly edits: readonly Edit[];
  /** The spec files that should catch it (kept short: each mutation runs them). */
  readonly specs: readonly string[];
}

const SCRIPT = 'electron/system/privileged-script.ts';
const ARGS = 'test/system/step-nets-arguments.spec.ts';
const PROCFS = 'test/system/step-nets-procfs.spec.ts';
const DURABLE = 'test/system/step-nets-durability.spec.ts';
const UNIT = 'test/unit/system/safety-nets.spec.ts';

const step = (
  id: string,
  net: string,
  specs: readonly string[],
  ...edits: [string, string][]
): Mutation => ({
  id,
  net,
  file: SCRIPT,
  edits: edits.map(([find, replace]) => ({ find, replace })),
  specs,
});

export const MUTATIONS: readonly Mutation[] = [
  // Arguments.
  step(
    'args-count',
    'argument count',
    [ARGS],
    [String.raw`[ "$#" -eq 7 ] || fail 64 "expected 7 arguments, got $#"`, ':'],
  ),
  step(
    'args-protocol',
    'protocol v1',
    [ARGS],
    [String.raw`[ "$1" = v1 ] || fail 64 "unknown protocol $1"`, ':'],
  ),
  step(
    'args-values',
    'runtime values 0, 1 or -',
    [ARGS],
    [String.raw`*) fail 64 "runtime values must be 0, 1 or -";;`, '*) ;;'],
  ),
  step(
    'args-op',
    'known file operation',
    [ARGS],
    [String.raw`*) fail 64 "unknown file operation";;`, '*) ;;'],
  ),
  // valid_name is spliced from file-name.ts's pieces; these anchors are its template text.
  step(
    'name-slash',
    'file name: no "/" (valid_name)',
    [ARGS],
    ['*[!${FILE_NAME_CHARS}]*) return 1;;', '*[!/${FILE_NAME_CHARS}]*) return 1;;'],
  ),
  step(
    'name-space',
    'file name: no space (valid_name)',
    [ARGS],
    ['*[!${FILE_NAME_CHARS}]*) return 1;;', '*[!\\ ${FILE_NAME_CHARS}]*) return 1;;'],
  ),
  step(
    'name-first',
    'file name: starts with a letter or digit',
    [ARGS],
    ['[${FILE_NAME_FIRST_CHARS}]*${FILE_NAME_SUFFIX}) ;;', '*${FILE_NAME_SUFFIX}) ;;'],
  ),
  step(
    'name-length',
    'file name: at most 200 characters',
    [ARGS],
    [' -le ${MAX_FILE_NAME_LENGTH} ]', ' -le 255 ]'],
  ),
  step(
    'name-length-off-by-one',
    'file name: 200 characters allowed',
    [ARGS],
    [' -le ${MAX_FILE_NAME_LENGTH} ]', ' -lt ${MAX_FILE_NAME_LENGTH} ]'],
  ),
  step(
    'hash-format',
    'hash: hex digits only',
    [ARGS],
    [
      String.raw`*[!0-9a-f]*|'') fail 64 "invalid hash";;`,
      String.raw`'') fail 64 "invalid hash";;`,
    ],
  ),
  step(
    'hash-length',
    'hash: 64 digits',
    [ARGS],
    [String.raw`-eq 64 ] || fail 64 "invalid hash";;`, String.raw`-eq 64 ] || :;;`],
  ),
  step(
    'content-encoding',
    'content: base64 alphabet',
    [ARGS],
    [
      String.raw`case "$content" in ''|*[!A-Za-z0-9+/=]*) fail 64 "invalid content encoding";; esac`,
      ':',
    ],
  ),
  // The content rule: nothing but the two settings, whoever calls (exit 77).
  step('content-check', 'the content rule runs at all', [ARGS], ['  check_change\nfi', 'fi']),
  step(
    'content-other-lines',
    'no line but ours added, removed or changed',
    [ARGS],
    [
      String.raw`[ "$a" = "$b" ] || refuse "the new content changes lines other than`,
      String.raw`true || refuse "the new content changes lines other than`,
    ],
  ),
  step(
    'content-range',
    'values within 0-255',
    [ARGS],
    [String.raw`[ ! -s "$chk.set" ] || refuse "the new content sets a value outside 0-255"`, ':'],
  ),
  step(
    'content-size',
    'new content at most 64 KiB',
    [ARGS],
    ['[ "$size" -le ${MAX_FILE_BYTES} ] ||', '[ "$size" -ge 0 ] ||'],
  ),
  step(
    'content-delete',
    'a deleted file holds nothing else',
    [ARGS],
    [
      String.raw`[ ! -s "$chk.new" ] || refuse "$file holds more than the two settings; it is not deleted"`,
      ':',
    ],
  ),
  step(
    'content-hide',
    'a new name does not hide a later file',
    [ARGS],
    [String.raw`! later_same_name || refuse "a new $file would hide $later at boot"`, ':'],
  ),
  step(
    'content-unhide',
    'a deletion does not let a later file apply',
    [ARGS],
    [String.raw`! later_same_name || refuse "deleting $file would let $later apply at boot"`, ':'],
  ),
  step('content-cleanup', 'the check leaves no file behind', [ARGS], ['  rm -f "$chk".*\n}', '}']),
  // The file.
  step(
    'hash-check',
    'file unchanged since it was read (65)',
    [ARGS],
    [String.raw`[ "$v" = "$expect" ] || fail 65 "$file changed since it was read"`, ':'],
  ),
  step(
    'symlink',
    'symbolic link refused (66)',
    [ARGS],
    [
      String.raw`if [ -L "$file" ]; then fail 66 "$file is a symbolic link; refusing to replace it"; fi`,
      ':',
    ],
  ),
  step(
    'non-regular',
    'non-regular file refused (66)',
    [ARGS],
    [
      String.raw`if [ -e "$file" ] && [ ! -f "$file" ]; then fail 66 "$file is not a regular file"; fi`,
      ':',
    ],
  ),
  step(
    'backup-none',
    'backup of the original kept',
    [PROCFS, DURABLE],
    [String.raw`ln -f "$file" "$bak" 2>/dev/null || cp --preserve=all "$file" "$bak"`, 'bak='],
  ),
  step(
    'backup-copy',
    'backup is the original inode (hard link)',
    [PROCFS, DURABLE],
    [String.raw`ln -f "$file" "$bak" 2>/dev/null || cp`, 'cp'],
  ),
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
  // Outside the step: the four that passed every test before.
  {
    id: 'token-space',
    net: 'assertSafeTokens refuses a space',
    file: 'electron/system/privileged-step.ts',
    edits: [{ find: "a === '' || a.includes(' ') ||", replace: "a === '' ||" }],
    specs: [UNIT],
  },
  {
    id: 'duplicate-ids',
    net: 'distinct setting ids in a removal',
    file: 'electron/handlers/validate-apply-request.ts',
    edits: [{ find: 'new Set(ids).size === ids.length', replace: 'true' }],
    specs: [UNIT],
  },
  {
    id: 'apply-in-flight',
    net: 'a second Apply refused while one runs',
    file: 'electron/handlers/apply-handlers.ts',
    edits: [{ find: 'if (busy) {', replace: 'if (busy && !busy) {' }],
    specs: [UNIT],
  },
  {
    id: 'known-hosts-newline',
    net: 'known_hosts lines end with a newline',
    file: 'electron/system/nodes/host-key.ts',
    edits: [
      { find: "offer.lines.map((l) => `${l}\\n`).join('')", replace: "offer.lines.join('\\n')" },
    ],
    specs: [UNIT],
  },
];
