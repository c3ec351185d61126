import type { CappedResult } from '../capped-run';
import { parseRecoveryLine, type RecoveryReport } from '../step-recovery';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure } from './ssh-errors';
import { FIXED_SSH_OPTIONS, runSsh, type SshSettings } from './ssh-runner';

/** A token that may stand in the remote command line, which the remote user's shell parses. */
const SAFE_TOKEN = /^[A-Za-z0-9._+/=-]{1,131072}$/;

/** Marks where the script starts on stdin, after the optional sudo password line. */
const SCRIPT_MARKER = 'NLB-SCRIPT-FOLLOWS';

/**
 * Runs as root through sudo: skips stdin up to the marker (so a password line that
 * sudo did not need is dropped, never run), then runs the rest of stdin, the script,
 * with the tokens as "$@". Constant: the only variable parts are the validated tokens.
 */
const REMOTE_LAUNCHER = `while IFS= read -r l; do [ "$l" = ${SCRIPT_MARKER} ] && exec sh -s -- "$@"; done; exit 71`;

export type SudoNeed =
  | { readonly ok: true; readonly needsPassword: boolean }
  | { readonly ok: false; readonly kind: string; readonly message: string };

export type RemoteApplyResult =
  | { readonly ok: true; readonly output: string }
  | {
      readonly ok: false;
      readonly kind:
        | 'wrong-password'
        | 'no-sudo'
        | 'step-failed'
        | 'dropped'
        | 'invalid-token'
        | ReturnType<typeof classifySshFailure>['kind'];
      readonly exitCode: number | null;
      readonly message: string;
    };

/** Runs the script as root on the node; null when a token or the password cannot travel safely. */
async function runRemoteStep(
  settings: SshSettings,
  destination: Destination,
  script: string,
  tokens: readonly string[],
  password: string | null,
): Promise<CappedResult | null> {
  const bad = tokens.find((t) => !SAFE_TOKEN.test(t));
  if (bad !== undefined || (password !== null && /[\n\r\0]/.test(password))) return null;
  const stdin = `${password ?? ''}\n${SCRIPT_MARKER}\n${script}`;
  return runSsh(
    settings,
    [
      ...FIXED_SSH_OPTIONS,
      ...destinationArgs(destination),
      'sudo',
      '-S',
      '-p',
      "''",
      '--',
      'sh',
      '-c',
      `'${REMOTE_LAUNCHER}'`,
      'nonlocal-bind-step',
      ...tokens,
    ],
    stdin,
    65536,
  );
}

/**
 * After a dropped connection: reconnects and lets the step resolve its own intent
 * record (`recover`), so the app can say what state the node is in.
 */
export async function recoverOnNode(
  settings: SshSettings,
  destination: Destination,
  script: string,
  password: string | null,
): Promise<RecoveryReport | null> {
  const r = await runRemoteStep(settings, destination, script, ['recover'], password);
  if (r === null || r.status !== 0) return null;
  return parseRecoveryLine(r.stdout.toString('utf8'));
}

function noSudo(stderr: string): boolean {
  return /is not in the sudoers file|may not run sudo|not allowed to execute/.test(stderr);
}

/** Asks the node's sudo, without a password, whether it will want one (`sudo -n true`). */
export async function probeSudo(
  settings: SshSettings,
  destination: Destination,
): Promise<SudoNeed> {
  const node = destination.text;
  const r = await runSsh(
    settings,
    [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), 'sudo', '-n', 'true'],
    '',
    4096,
  );
  if (r.status === 0) return { ok: true, needsPassword: false };
  if (r.status === 255 || r.status === null)
    return { ok: false, ...classifySshFailure(node, r.stderr) };
  if (noSudo(r.stderr)) {
    return {
      ok: false,
      kind: 'no-sudo',
      message: `${node}: this user has no sudo rights on the node. Ask its administrator, or connect as a user who may run sudo.`,
    };
  }
  if (/password is required/.test(r.stderr)) return { ok: true, needsPassword: true };
  if (/command not found|sudo: not found/.test(r.stderr)) {
    return {
      ok: false,
      kind: 'no-sudo',
      message: `${node}: sudo is not installed on the node (apt install sudo).`,
    };
  }
  return {
    ok: false,
    kind: 'other',
    message: `${node}: sudo -n failed: ${r.stderr.trim().slice(0, 200)}`,
  };
}

/**
 * Runs the constant privileged script on the node as root through sudo.
 *
 * The password, when sudo needs one, is the first line of stdin (`sudo -S`), never
 * argv, environment, log or file; the caller drops its copy once this returns.
 * The script follows on stdin; its arguments are the step's validated tokens.
 */
export async function applyOnNode(
  settings: SshSettings,
  destination: Destination,
  script: string,
  tokens: readonly string[],
  password: string | null,
): Promise<RemoteApplyResult> {
  const node = destination.text;
  const r = await runRemoteStep(settings, destination, script, tokens, password);
  if (r === null) {
    return {
      ok: false,
      kind: 'invalid-token',
      exitCode: null,
      message: `${node}: refused an argument or password that cannot be passed safely.`,
    };
  }
  const stdout = r.stdout.toString('utf8');
  if (r.status === 0 && /nonlocal-bind: applied/.test(stdout))
    return { ok: true, output: stdout.trim() };
  if (r.status === 255 || r.status === null || r.timedOut) {
    const failure = classifySshFailure(node, r.stderr);
    // A broken pipe or reset after the key exchange means the session was cut mid-Apply,
    // not that the node was never reached (which fails in kex_exchange_identification).
    // A line from the step itself proves it: the step ran, so the node was reached, whatever
    // words ssh chose for the end ("Connection closed by …" comes in both cases).
    const stepSpoke = /^nonlocal-bind: /m.test(r.stderr) || /nonlocal-bind: /.test(stdout);
    const cut =
      stepSpoke ||
      (/Broken pipe|Connection reset by|client_loop|ssh_dispatch_run_fatal/.test(r.stderr) &&
        !/kex_exchange_identification/.test(r.stderr));
    if (failure.kind === 'other' || failure.kind === 'dropped' || cut) {
      return {
        ok: false,
        kind: 'dropped',
        exitCode: r.status,
        message: `${node}: the connection dropped during the Apply. The step on the node either finished or rolled itself back; read the node again before retrying, to see which.`,
      };
    }
    return { ok: false, exitCode: r.status, ...failure };
  }
  if (/incorrect password attempt|Sorry, try again/.test(r.stderr)) {
    return {
      ok: false,
      kind: 'wrong-password',
      exitCode: r.status,
      message: `${node}: sudo did not accept the password. Nothing was changed on the node; type it again.`,
    };
  }
  if (noSudo(r.stderr)) {
    return {
      ok: false,
      kind: 'no-sudo',
      exitCode: r.status,
      message: `${node}: this user has no sudo rights on the node. Nothing was changed.`,
    };
  }
  const said =
    /nonlocal-bind: (.*)/.exec(r.stderr)?.[1]?.slice(0, 300) ?? r.stderr.trim().slice(0, 300);
  return {
    ok: false,
    kind: 'step-failed',
    exitCode: r.status,
    message: `${node}: the step failed and rolled back (exit ${r.status ?? '?'}): ${said}`,
  };
}
