/**
 * How the privileged script reaches root on a node: ssh runs a constant command line,
 * the remote user's shell starts sudo with a one-shot askpass helper, and stdin carries
 * `PASSWORD \n MARKER \n SCRIPT`. Nothing from input is in any shell string: the command
 * line is these constants plus the step's validated tokens.
 *
 * Why askpass and not `sudo -S`: after a wrong password, `sudo -S` reads the next lines of
 * stdin (the marker, the script) as attempts 2 and 3, and even a plain EOF on its second
 * read is a conversation error that `pam_faillock authfail` counts. The helper answers
 * sudo's first question with the password line and, if sudo asks again (the password was
 * wrong), kills sudo (same real uid) while PAM is still waiting for the answer, before any
 * module can count a second failure. One Apply is then exactly one attempt, and a typo
 * costs one PAM fail delay.
 */

/** Marks where the script starts on stdin, after the password line. */
const SCRIPT_MARKER = 'NLB-SCRIPT-FOLLOWS';

/** The name the step runs under ($0), also what tests look for with pgrep. */
export const STEP_PROCESS_NAME = 'nonlocal-bind-step';

/**
 * Runs as root through sudo: skips stdin up to the marker (so a password line that sudo
 * did not ask for is dropped, never run), then runs the rest of stdin, the script, with
 * the tokens as "$@".
 */
const ROOT_LAUNCHER = `while IFS= read -r l; do [ "$l" = ${SCRIPT_MARKER} ] && exec sh -s -- "$@"; done; exit 71`;

/**
 * The askpass helper's body (after its `#!/bin/sh` line), run by sudo as the user. Its
 * files sit beside it in a private mktemp directory: `asked` after the first question;
 * `refused` when sudo asked again; `empty` when no password was sent. It reads exactly one
 * line of stdin with the shell's own `read`, which never reads past the newline.
 */
const ASKPASS_BODY = [
  'd=${0%/*}',
  'if [ -e "$d/asked" ]; then : > "$d/refused"; kill -KILL "$PPID"; exit 1; fi',
  ': > "$d/asked"',
  'p=; IFS= read -r p',
  'if [ -z "$p" ]; then : > "$d/empty"; kill -KILL "$PPID"; exit 1; fi',
  'printf "%s\\n" "$p"',
].join('; ');

/**
 * What the user-side wrapper reports on stderr, with its exit status: one the step itself
 * never uses (STEP_EXIT), nor sudo (1) or the shell (126, 127, 128 + signal).
 */
export const SUDO_REPORT_EXIT = 78;
export type SudoReport = 'wrong-password' | 'password-needed' | 'no-askpass';

/** Names the remote user after a refusal, so a fix for sudoers can name them too. */
const USER_LINE = '[ "$r" -eq 0 ] || echo "nonlocal-bind-sudo: user=$(id -un)" >&2';

/**
 * The user-side wrapper, one line (some login shells reject newlines in quotes). It makes
 * a private directory where a program may be executed (hardened /tmp is often noexec,
 * so it tries the runtime directory and home first; absolute paths only, as sudo wants), writes the helper there, runs sudo
 * with it, removes the directory on every way out, and turns the helper's marks into a
 * report line. $1 is the helper's body, $2 the root launcher, the rest the step's tokens.
 */
const USER_WRAPPER = [
  'a=$1; l=$2; shift 2; d=',
  'c() { [ -z "$d" ] || rm -rf -- "$d"; }',
  'trap c EXIT',
  'trap "exit 129" HUP INT TERM PIPE',
  'for b in "${XDG_RUNTIME_DIR:-}" "${HOME:-}" "${TMPDIR:-/tmp}" /tmp /var/tmp; do' +
    ' [ "${b#/}" != "$b" ] && [ -d "$b" ] && [ -w "$b" ] || continue;' +
    ' d=$(mktemp -d "$b/.nonlocal-bind.XXXXXX" 2>/dev/null) || { d=; continue; };' +
    ' printf "#!/bin/sh\\n" > "$d/probe" && printf "#!/bin/sh\\n%s\\n" "$a" > "$d/askpass" &&' +
    ' chmod 700 "$d/probe" "$d/askpass" && "$d/probe" 2>/dev/null && break;' +
    ' rm -rf -- "$d"; d=;' +
    ' done',
  `[ -n "$d" ] || { echo "nonlocal-bind-sudo: no-askpass" >&2; exit ${SUDO_REPORT_EXIT}; }`,
  `SUDO_ASKPASS="$d/askpass" sudo -A -- sh -c "$l" ${STEP_PROCESS_NAME} "$@"; r=$?`,
  // sudo counting failures without ever asking: PAM refused before any prompt (a locked account).
  '[ "$r" -eq 0 ] || [ -e "$d/asked" ] || echo "nonlocal-bind-sudo: not-asked" >&2',
  USER_LINE,
  `if [ -e "$d/refused" ]; then echo "nonlocal-bind-sudo: wrong-password" >&2; exit ${SUDO_REPORT_EXIT}; fi`,
  `if [ -e "$d/empty" ]; then echo "nonlocal-bind-sudo: password-needed" >&2; exit ${SUDO_REPORT_EXIT}; fi`,
  'exit $r',
].join('; ');

/** A token that may stand in the remote command line, which the remote user's shell parses. */
const SAFE_TOKEN = /^[A-Za-z0-9._+/=-]{1,131072}$/;

/**
 * Single-quotes a constant for the remote user's login shell. The constants hold no quote,
 * newline (csh rejects it inside quotes) or double backslash (fish reads two there as one).
 */
export function quoteConstant(text: string): string {
  if (/'|\n|\\\\|\\$/.test(text)) throw new Error('a remote constant cannot be single-quoted');
  return `'${text}'`;
}

/** The remote command line (after the destination); null when a token cannot travel safely. */
export function sudoCommandLine(tokens: readonly string[]): string[] | null {
  if (tokens.some((t) => !SAFE_TOKEN.test(t))) return null;
  return [
    'sh',
    '-c',
    quoteConstant(USER_WRAPPER),
    STEP_PROCESS_NAME,
    quoteConstant(ASKPASS_BODY),
    quoteConstant(ROOT_LAUNCHER),
    ...tokens,
  ];
}

const NL = 0x0a;

/**
 * stdin for the session: the password line (empty when none), the marker, the script.
 * Null when the password holds a byte that would end its line early. The caller zeroes
 * the returned buffer once the session has ended.
 */
export function sudoStdin(password: Buffer | null, script: string): Buffer | null {
  if (password !== null && [0x00, NL, 0x0d].some((b) => password.includes(b))) return null;
  return Buffer.concat([
    password ?? Buffer.alloc(0),
    Buffer.from(`\n${SCRIPT_MARKER}\n`),
    Buffer.from(script),
  ]);
}

/** Asks sudo, without a password, whether it will want one; names the user when not. */
export function probeCommandLine(): string[] {
  return ['sh', '-c', quoteConstant(`sudo -n true; r=$?; ${USER_LINE}; exit $r`)];
}

/** The remote user name the wrapper or probe reported, when it is a valid one. */
export function reportedUser(stderr: string): string | null {
  return /^nonlocal-bind-sudo: user=([A-Za-z_][A-Za-z0-9_.-]{0,31})$/m.exec(stderr)?.[1] ?? null;
}

/** sudo gave up on failed attempts although the helper was never asked for the password. */
export function refusedUnasked(stderr: string): boolean {
  return (
    /^nonlocal-bind-sudo: not-asked$/m.test(stderr) && /incorrect password attempt/.test(stderr)
  );
}

/**
 * What a node's sudo says when it will not run the step, before it ran anything. The texts
 * matched are sudo's and PAM's own (sudo 1.9 plugins/sudoers, pam_faillock), in the C
 * locale, which ssh's LC_ALL=C asks for.
 */
export type SudoRefusal = 'no-sudo' | 'requiretty' | 'account-locked' | 'not-installed';

export function sudoRefusal(stderr: string): SudoRefusal | null {
  if (/is not in the sudoers file|may not run sudo|not allowed to execute/.test(stderr))
    return 'no-sudo';
  if (/you must have a tty to run sudo/.test(stderr)) return 'requiretty';
  if (/account is locked|account locked due to/i.test(stderr)) return 'account-locked';
  if (/sudo: command not found|sudo: not found/.test(stderr)) return 'not-installed';
  return null;
}

/** The wrapper's report, when the session ended with one. */
export function sudoReport(status: number | null, stderr: string): SudoReport | null {
  if (status !== SUDO_REPORT_EXIT) return null;
  const m = /^nonlocal-bind-sudo: (wrong-password|password-needed|no-askpass)$/m.exec(stderr);
  return (m?.[1] as SudoReport | undefined) ?? null;
}
