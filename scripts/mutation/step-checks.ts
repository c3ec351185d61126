import { ARGS, CHECK, DURABLE, PIECES, PROCFS, step, stepIn, type Mutation } from './mutation';

const check = stepIn(CHECK);
const pieces = stepIn(PIECES);

/** The step's checks before it changes anything (arguments, names, hashes, content, the file), and its backup. */
export const STEP_CHECKS: readonly Mutation[] = [
  // Arguments.
  step(
    'args-count',
    'the settings end at --, four tokens after it',
    [ARGS],
    [String.raw`[ "$#" -eq 5 ] && [ "$1" = -- ] ||`, String.raw`[ "$#" -ge 5 ] ||`],
  ),
  step(
    'args-protocol',
    'protocol v2',
    [ARGS],
    [String.raw`[ "$1" = v2 ] || fail 64 "unknown protocol $1"`, ':'],
  ),
  step(
    'args-values',
    'only catalogue keys with 0 or 1',
    [ARGS],
    [String.raw`*) fail 64 "unknown setting or value: $1";;`, '*) ;;'],
  ),
  pieces(
    'args-twice',
    'a key named once',
    [ARGS],
    ['[ "$w${i}" = - ] || fail 64 "${key} is named twice"; ', ''],
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
  // The content rule: nothing but the catalogue's settings, whoever calls (exit 77).
  step('content-check', 'the content rule runs at all', [ARGS], ['  judge_check\nfi', 'fi']),
  check(
    'content-decode',
    'content: base64 padding only at the end of a group, as base64 -d',
    [ARGS],
    ['(c3 == "=" && c4 != "=") || ', ''],
  ),
  check(
    'content-other-lines',
    'no line but ours added, removed or changed',
    [ARGS],
    ['    1) fail 77 "the new content changes lines', '    1) true || fail 77 "'],
  ),
  check(
    'content-range',
    'values within the key’s range',
    [ARGS],
    ['if (l !~ valid && !(l in had)) exit 2', 'if (0) exit 2'],
  ),
  check(
    'content-size',
    'new content at most 64 KiB',
    [ARGS],
    ['[ "$size" -le ${MAX_FILE_BYTES} ] ||', '[ "$size" -ge 0 ] ||'],
  ),
  check(
    'content-delete',
    'a deleted file holds nothing else',
    [ARGS],
    ['if (ok[i] !~ /^[[:blank:]]*\\r?$/) exit 3', 'if (0) exit 3'],
  ),
  check(
    'content-hide',
    'a new name does not hide a later file',
    [ARGS],
    [String.raw`! later_same_name || fail 77 "a new $file would hide $later at boot"`, ':'],
  ),
  check(
    'content-unhide',
    'a deletion does not let a later file apply',
    [ARGS],
    [String.raw`! later_same_name || fail 77 "deleting $file would let $later apply at boot"`, ':'],
  ),
  step(
    'content-cleanup',
    'a refusal leaves no temp file behind',
    [ARGS],
    [
      String.raw`[ -z "$tmp" ] || rm -f "$tmp"
    [ "$made_dir" = no ]`,
      String.raw`[ "$made_dir" = no ]`,
    ],
  ),
  // The file.
  step(
    'hash-check',
    'file unchanged since it was read (65)',
    [ARGS],
    [String.raw`[ "$cur" = "$expect" ] || fail 65 "$file changed since it was read"`, ':'],
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
];
