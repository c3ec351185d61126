import type { ApiError } from '../../contract';
import type { CappedResult } from '../capped-run';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import { destinationArgs, type Destination } from './destination';
import { NODE_ANSWER_CAP, parseReadAnswer, type NodeExtras } from './parse-read-answer';
import { newReadNonce } from './read-framing';
import { READ_SCRIPT } from './read-script';
import { classifySshFailure, nodeError, type NodeErrorData, type SshFailure } from './ssh-errors';
import { FIXED_SSH_OPTIONS, runSsh, type SshSettings } from './ssh-runner';

export type NodeReadFailureKind =
  SshFailure['kind'] | 'not-linux' | 'no-sysctl' | 'no-base64' | 'malformed';

/** A node's answer, checked and parsed, before any prediction is made from it. */
export type NodeAnswer =
  | {
      readonly ok: true;
      readonly snapshot: SysctlSnapshot;
      readonly extras: NodeExtras;
      /** Wall time of the one ssh round trip and the parse, in ms. */
      readonly elapsedMs: number;
    }
  | { readonly ok: false; readonly kind: NodeReadFailureKind; readonly error: ApiError };

/**
 * Reads a node's answer in one SSH round trip: the constant script goes on stdin to
 * `sh -s NONCE` (a constant remote command line and a random hex nonce), so nothing
 * from input is in it.
 */
export async function readNodeAnswer(
  settings: SshSettings,
  destination: Destination,
): Promise<NodeAnswer> {
  const started = performance.now();
  const nonce = newReadNonce();
  const result = await runSsh(
    settings,
    [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), 'sh', '-s', nonce],
    READ_SCRIPT,
    NODE_ANSWER_CAP,
  );
  return interpretRead(destination.text, result, nonce, started, settings.timeoutMs);
}

function interpretRead(
  node: string,
  result: CappedResult,
  nonce: string,
  started: number,
  timeoutMs: number,
): NodeAnswer {
  const failed = (kind: NodeReadFailureKind, more: NodeErrorData = {}): NodeAnswer => ({
    ok: false,
    kind,
    error: nodeError(kind, node, more),
  });
  if (result.overflow) return failed('too-large', { limit: NODE_ANSWER_CAP / (1024 * 1024) });
  if (result.timedOut) return failed('timeout', { limit: timeoutMs / 1000, stage: 'read' });
  if (result.status === 255 || result.status === null)
    return { ok: false, ...classifySshFailure(node, result.stderr) };
  const answer = parseReadAnswer(result.stdout, nonce);
  if (!answer.ok)
    return failed(answer.kind, answer.detail === undefined ? {} : { detail: answer.detail });
  if (!answer.hasSysctl) return failed('no-sysctl');
  return {
    ok: true,
    snapshot: answer.snapshot,
    extras: answer.extras,
    elapsedMs: performance.now() - started,
  };
}
