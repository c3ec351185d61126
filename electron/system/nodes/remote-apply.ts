import type { CappedResult } from '../capped-run';
import { STEP_EXIT } from '../privileged-script';
import type { ApiError, NodeFailureCode, RecoveryReport } from '../../contract';
import { parseRecoveryLine } from '../step-recovery';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure, nodeError } from './ssh-errors';
import { FIXED_SSH_OPTIONS, runSsh, type SshSettings } from './ssh-runner';
import {
  probeCommandLine,
  refusedUnasked,
  reportedUser,
  sudoCommandLine,
  sudoReport,
  sudoRefusal,
  sudoStdin,
  type SudoRefusal,
  type SudoReport,
} from './sudo-launch';

/**
 * How long the step waits for another Apply's lock before it gives up with
 * STEP_EXIT.lockTimeout (`flock -w` in privileged-script.ts; a test holds the two equal).
 * An Apply's ssh session may last that long plus the usual time, so the app never gives
 * up on a node that is only queued.
 */
export const STEP_LOCK_WAIT_S = 300;

/** What the step prints on stderr while it waits for another Apply's lock. */
const WAITING_LINE = /^nonlocal-bind: waiting for another Apply to finish$/m;

export type SudoNeed =
  | { readonly ok: true; readonly needsPassword: boolean }
  | {
      readonly ok: false;
      readonly kind: SudoRefusal | ReturnType<typeof classifySshFailure>['kind'];
      readonly error: ApiError;
    };

export type RemoteApplyResult =
  | {
      readonly ok: true;
      readonly output: string;
      /** The step first waited for another Apply on the node to finish. */
      readonly waited: boolean;
    }
  | {
      readonly ok: false;
      readonly kind:
        | SudoReport
        | SudoRefusal
        | 'lock-busy'
        | 'step-failed'
        | 'dropped'
        | 'invalid-token'
        | ReturnType<typeof classifySshFailure>['kind'];
      readonly exitCode: number | null;
      /** The step had said it was waiting for another Apply on the node when this happened. */
      readonly waiting: boolean;
      readonly error: ApiError;
    };

/** An Apply's session: the usual time, plus the longest the step may wait for the lock. */
function applySettings(settings: SshSettings): SshSettings {
  return { ...settings, timeoutMs: settings.timeoutMs + STEP_LOCK_WAIT_S * 1000 };
}

/**
 * Runs the script as root on the node; null when a token or the password cannot travel
 * safely. The stdin copy holding the password is zeroed once the session has ended.
 */
async function runRemoteStep(
  settings: SshSettings,
  destination: Destination,
  script: string,
  tokens: readonly string[],
  password: Buffer | null,
): Promise<CappedResult | null> {
  const command = sudoCommandLine(tokens);
  const stdin = sudoStdin(password, script);
  if (command === null || stdin === null) return null;
  try {
    return await runSsh(
      applySettings(settings),
      [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), ...command],
      stdin,
      65536,
    );
  } finally {
    stdin.fill(0);
  }
}

/**
 * After a dropped connection: reconnects and lets the step resolve its own intent
 * record (`recover`), so the app can say what state the node is in.
 */
export async function recoverOnNode(
  settings: SshSettings,
  destination: Destination,
  script: string,
  password: Buffer | null,
): Promise<RecoveryReport | null> {
  const r = await runRemoteStep(settings, destination, script, ['recover'], password);
  if (r === null || r.status !== 0) return null;
  return parseRecoveryLine(r.stdout.toString('utf8'));
}

/** Asks the node's sudo, without a password, whether it will want one (`sudo -n true`). */
export async function probeSudo(
  settings: SshSettings,
  destination: Destination,
): Promise<SudoNeed> {
  const node = destination.text;
  const r = await runSsh(
    settings,
    [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), ...probeCommandLine()],
    '',
    4096,
  );
  if (r.status === 0) return { ok: true, needsPassword: false };
  if (r.status === 255 || r.status === null)
    return { ok: false, ...classifySshFailure(node, r.stderr) };
  const refusal = sudoRefusal(r.stderr);
  if (refusal !== null)
    return { ok: false, kind: refusal, error: refusalError(node, r.stderr, destination, refusal) };
  if (/password is required/.test(r.stderr)) return { ok: true, needsPassword: true };
  const detail = r.stderr.trim().slice(0, 200);
  return { ok: false, kind: 'other', error: nodeError('other', node, { stage: 'probe', detail }) };
}

/** sudo's refusal there, naming the account it ran as when the node said. */
function refusalError(
  node: string,
  stderr: string,
  destination: Destination,
  refusal: SudoRefusal,
): ApiError {
  return nodeError(refusal, node, { user: reportedUser(stderr) ?? destination.user });
}

/** The error codes of what sudo's wrapper reported. */
const REPORT_CODES: Record<SudoReport, NodeFailureCode> = {
  'wrong-password': 'wrong-password',
  'password-needed': 'password-needed',
  'no-askpass': 'no-askpass',
};

/** A node Apply that did not apply: how, the exit status, whether the step was waiting. */
export function failure(
  kind: Exclude<RemoteApplyResult, { ok: true }>['kind'],
  exitCode: number | null,
  waiting: boolean,
  error: ApiError,
): RemoteApplyResult {
  return { ok: false, kind, exitCode, waiting, error };
}

/** The session ended before the step could: cut mid-Apply, or never connected. */
function endedEarly(node: string, r: CappedResult, waiting: boolean): RemoteApplyResult {
  const failed = classifySshFailure(node, r.stderr);
  // A broken pipe or reset after the key exchange means the session was cut mid-Apply,
  // not that the node was never reached (which fails in kex_exchange_identification).
  // A line from the step itself proves it: the step ran, so the node was reached, whatever
  // words ssh chose for the end ("Connection closed by …" comes in both cases).
  const stepSpoke =
    /^nonlocal-bind: /m.test(r.stderr) || /nonlocal-bind: /.test(r.stdout.toString('utf8'));
  const cut =
    stepSpoke ||
    (/Broken pipe|Connection reset by|client_loop|ssh_dispatch_run_fatal/.test(r.stderr) &&
      !/kex_exchange_identification/.test(r.stderr));
  if (failed.kind === 'other' || failed.kind === 'dropped' || cut) {
    const detail = waiting
      ? 'while the step was waiting for another Apply on the node to finish'
      : 'during the Apply';
    return failure(
      'dropped',
      r.status,
      waiting,
      nodeError('dropped', node, { stage: 'apply', detail }),
    );
  }
  return failure(failed.kind, r.status, waiting, failed.error);
}

/**
 * Runs the constant privileged script on the node as root through sudo, with exactly one
 * password attempt (see sudo-launch.ts).
 *
 * The password, when sudo needs one, is the first line of stdin, never argv, environment,
 * log or file; the caller zeroes its buffer once this returns. The script follows on
 * stdin; its arguments are the step's validated tokens.
 */
export async function applyOnNode(
  settings: SshSettings,
  destination: Destination,
  script: string,
  tokens: readonly string[],
  password: Buffer | null,
): Promise<RemoteApplyResult> {
  const node = destination.text;
  const r = await runRemoteStep(settings, destination, script, tokens, password);
  if (r === null) return failure('invalid-token', null, false, nodeError('unsafe-argument', node));
  const stdout = r.stdout.toString('utf8');
  const waiting = WAITING_LINE.test(r.stderr);
  if (r.status === 0 && /nonlocal-bind: applied/.test(stdout))
    return { ok: true, output: stdout.trim(), waited: waiting };
  if (r.status === 255 || r.status === null || r.timedOut) return endedEarly(node, r, waiting);
  // Before the step ran: sudo's wrapper, or sudo itself, refused.
  const refused = (kind: SudoReport | SudoRefusal, error: ApiError) =>
    failure(kind, r.status, false, error);
  const report = sudoReport(r.status, r.stderr);
  if (report !== null) return refused(report, nodeError(REPORT_CODES[report], node));
  const refusedAs = (refusal: SudoRefusal) =>
    refused(refusal, refusalError(node, r.stderr, destination, refusal));
  // pam_faillock's preauth refuses a locked account without a prompt, and silently (sudo
  // calls PAM with PAM_SILENT): sudo only says it counted failed attempts.
  if (refusedUnasked(r.stderr)) return refusedAs('account-locked');
  // sudo itself gave up (passwd_tries=1 nodes say so and exit before asking again).
  if (/incorrect password attempt/.test(r.stderr))
    return refused('wrong-password', nodeError('wrong-password', node));
  const refusal = sudoRefusal(r.stderr);
  if (refusal !== null) return refusedAs(refusal);
  if (r.status === STEP_EXIT.lockTimeout && waiting) {
    const limit = STEP_LOCK_WAIT_S / 60;
    return failure('lock-busy', r.status, true, nodeError('node-busy', node, { limit }));
  }
  const said =
    /nonlocal-bind: (.*)/.exec(r.stderr)?.[1]?.slice(0, 300) ?? r.stderr.trim().slice(0, 300);
  const detail = { stage: 'apply', exit: r.status, detail: said } as const;
  return failure('step-failed', r.status, waiting, nodeError('step-failed', node, detail));
}
