import { validateFileName } from './file-name';
import { PRIVILEGED_SCRIPT } from './privileged-script';

/**
 * For a removal ("Remove from FILE"): each key whose lines go, and how many lines. Only
 * the words of the outcome use it; the step's arguments never carry it.
 */
export type RemovedLines = readonly { readonly key: string; readonly lines: number }[];

/** What one privileged run does; built by the planner from validated input only. */
export interface StepPlan {
  readonly ipv4: '0' | '1' | '-';
  readonly ipv6: '0' | '1' | '-';
  readonly file:
    | { readonly op: 'none' }
    | {
        readonly op: 'write';
        readonly name: string;
        readonly expectedSha256: string | null;
        readonly content: string;
        readonly removed?: RemovedLines;
      }
    | {
        readonly op: 'delete';
        readonly name: string;
        readonly expectedSha256: string | null;
        readonly removed?: RemovedLines;
      }
    /** /etc/sysctl.conf itself, when only editing it makes a value win under procps. */
    | {
        readonly op: 'write-conf';
        readonly expectedSha256: string | null;
        readonly content: string;
        readonly removed?: RemovedLines;
      };
}

/**
 * The whole command string, script plus base64 content, must fit one argv
 * string (Linux MAX_ARG_STRLEN is 128 KiB); 64 KiB of file content keeps a margin.
 */
export const MAX_FILE_BYTES = 64 * 1024;

/**
 * Every byte sudo-prompt may receive. sudo-prompt wraps the command as
 * `/bin/bash -c "…"` inside `/bin/sh -c`, escaping only `"`, so `$`, backticks,
 * `\`, quotes and `!` must never appear; base64, hex, names and a pipe are enough.
 */
export const SAFE_COMMAND_BYTES = /^[A-Za-z0-9 ._+/=|-]*$/;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class StepPlanError extends Error {}

/** Turns a plan into the script's positional arguments, validating each token. */
export function buildStepArguments(plan: StepPlan): string[] {
  for (const v of [plan.ipv4, plan.ipv6]) {
    if (v !== '0' && v !== '1' && v !== '-')
      throw new StepPlanError(`invalid runtime value ${String(v)}`);
  }
  if (plan.file.op === 'none') return ['v1', plan.ipv4, plan.ipv6, 'none', '-', 'absent', '-'];
  if (plan.file.op === 'write-conf') {
    const expected = checkExpected(plan.file.expectedSha256);
    return [
      'v1',
      plan.ipv4,
      plan.ipv6,
      'write-conf',
      '-',
      expected,
      encodeContent(plan.file.content),
    ];
  }
  const check = validateFileName(plan.file.name);
  if (!check.ok) throw new StepPlanError(check.message);
  const expected = checkExpected(plan.file.expectedSha256);
  if (plan.file.op === 'delete')
    return ['v1', plan.ipv4, plan.ipv6, 'delete', check.name, expected, '-'];
  return [
    'v1',
    plan.ipv4,
    plan.ipv6,
    'write',
    check.name,
    expected,
    encodeContent(plan.file.content),
  ];
}

function checkExpected(sha: string | null): string {
  const expected = sha ?? 'absent';
  if (expected !== 'absent' && !SHA256_HEX.test(expected))
    throw new StepPlanError('invalid expected hash');
  return expected;
}

function encodeContent(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new StepPlanError(
      `the new file would be ${bytes.length} bytes; at most ${MAX_FILE_BYTES} are supported`,
    );
  }
  // An empty file still needs a non-empty token; "=" never occurs alone in base64 otherwise.
  const encoded = bytes.length === 0 ? '=' : bytes.toString('base64');
  if (encoded !== '=' && !BASE64.test(encoded)) throw new StepPlanError('content encoding failed');
  return encoded;
}

const SCRIPT_BASE64 = Buffer.from(PRIVILEGED_SCRIPT, 'utf8').toString('base64');

/**
 * The command string handed to sudo-prompt: decode the constant script and
 * feed it to sh with the validated arguments. Nothing here comes from input
 * except tokens that passed buildStepArguments, and the result is checked
 * against SAFE_COMMAND_BYTES before anything runs.
 */
export function buildElevatedCommand(args: readonly string[]): string {
  assertSafeTokens(args);
  const command = `echo ${SCRIPT_BASE64} | base64 -d | /bin/sh -s -- ${args.join(' ')}`;
  if (!SAFE_COMMAND_BYTES.test(command)) {
    throw new StepPlanError('refusing to build an elevated command from unsafe tokens');
  }
  return command;
}

/**
 * The last check before tokens leave for root, on every elevation path: each is a
 * non-empty word of safe bytes, as buildStepArguments made it. The helper path passes
 * them as argv (no shell), and the script validates them again; this catches a caller
 * that skipped buildStepArguments.
 */
export function assertSafeTokens(args: readonly string[]): void {
  if (args.some((a) => a === '' || a.includes(' ') || !SAFE_COMMAND_BYTES.test(a))) {
    throw new StepPlanError('refusing to build an elevated command from unsafe tokens');
  }
}
