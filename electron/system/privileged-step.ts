import { gzipSync } from 'node:zlib';
import type { SettingId, StepRefusal } from '../contract';
import { checkFileName } from './file-name';
import { PRIVILEGED_SCRIPT } from './privileged-script';
import { SETTINGS, type Catalogue } from './settings';
import { compactScript } from './step/compact';
import { MAX_FILE_BYTES } from './step-content-rule';

export { MAX_FILE_BYTES };

/**
 * For a removal ("Remove from FILE"): each key whose lines go, and how many lines. Only
 * the words of the outcome use it; the step's arguments never carry it.
 */
export type RemovedLines = readonly { readonly key: string; readonly lines: number }[];

/** A setting's new running value, or '-' to leave it alone. */
export type RuntimeToken = '0' | '1' | '-';

/**
 * What one privileged run does; built by the planner from validated input only: the new
 * running values of the settings to set (the others are left alone), and the file operation.
 */
export interface StepPlan {
  readonly values: Readonly<Record<SettingId, '0' | '1'>>;
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
 * Every byte sudo-prompt may receive. sudo-prompt wraps the command as
 * `/bin/bash -c "…"` inside `/bin/sh -c`, escaping only `"`, so `$`, backticks,
 * `\`, quotes and `!` must never appear; base64, hex, names and the frame's `<(…)` are
 * enough (inside the outer double quotes `<`, `(` and `)` are plain bytes; bash reads them).
 */
export const SAFE_COMMAND_BYTES = /^[A-Za-z0-9 ._+/=<()-]*$/;

/** Every byte of one token: what stepArguments makes (no space, nothing bash treats specially). */
const SAFE_TOKEN = /^[A-Za-z0-9._+/=-]+$/;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class StepPlanError extends Error {}

/** Why a plan cannot become the step's arguments (the contract's StepRefusal, which the renderer words); the step would refuse it the same way. */
export type StepArgumentsError = StepRefusal;

export type StepArguments =
  | { readonly ok: true; readonly args: string[] }
  | { readonly ok: false; readonly error: StepArgumentsError };

type Token =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly error: StepArgumentsError };

/**
 * Turns a plan into the step's arguments (protocol v2, docs/step-protocol.md):
 * `v2 KEY=0|1 … -- OP NAME EXPECTED_SHA256 CONTENT_BASE64`, one KEY=VALUE token per setting to
 * set, in the catalogue's order, validating each token with the rules the step applies itself
 * (the catalogue for keys, file-name.ts for names, MAX_FILE_BYTES for content). Planners call
 * it too, so a plan that would be refused is never offered.
 */
export function stepArguments(plan: StepPlan, catalogue: Catalogue = SETTINGS): StepArguments {
  const unknown = Object.keys(plan.values).find((id) => !catalogue.some((s) => s.id === id));
  if (unknown !== undefined) return { ok: false, error: { code: 'unknown-setting', id: unknown } };
  const settings = catalogue.flatMap((s) => {
    const value = plan.values[s.id];
    return value === undefined ? [] : [{ key: s.key, value: value as string }];
  });
  if (settings.some((s) => s.value !== '0' && s.value !== '1'))
    return { ok: false, error: { code: 'invalid-runtime-value' } };
  const head = ['v2', ...settings.map((s) => `${s.key}=${s.value}`), '--'];
  const file = plan.file;
  if (file.op === 'none') return { ok: true, args: [...head, 'none', '-', 'absent', '-'] };
  const expected = checkExpected(file.expectedSha256);
  if (!expected.ok) return expected;
  if (file.op === 'write-conf') {
    const content = encodeContent(file.content);
    if (!content.ok) return content;
    return { ok: true, args: [...head, 'write-conf', '-', expected.token, content.token] };
  }
  const name = checkFileName(file.name);
  if (!name.ok) return { ok: false, error: { code: 'invalid-file-name', refusal: name.error } };
  if (file.op === 'delete')
    return { ok: true, args: [...head, 'delete', name.name, expected.token, '-'] };
  const content = encodeContent(file.content);
  if (!content.ok) return content;
  return { ok: true, args: [...head, 'write', name.name, expected.token, content.token] };
}

/** stepArguments for callers that treat a refusal as a bug of their own (tests, fixtures). */
export function buildStepArguments(plan: StepPlan, catalogue: Catalogue = SETTINGS): string[] {
  const built = stepArguments(plan, catalogue);
  // The refusal's data is the message: the renderer words it where users see one.
  if (!built.ok) throw new StepPlanError(`step arguments refused: ${JSON.stringify(built.error)}`);
  return built.args;
}

function checkExpected(sha: string | null): Token {
  const expected = sha ?? 'absent';
  if (expected !== 'absent' && !SHA256_HEX.test(expected))
    return { ok: false, error: { code: 'invalid-expected-hash' } };
  return { ok: true, token: expected };
}

function encodeContent(content: string): Token {
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: { code: 'content-too-large', bytes: bytes.length, limit: MAX_FILE_BYTES },
    };
  }
  // An empty file still needs a non-empty token; "=" never occurs alone in base64 otherwise.
  const encoded = bytes.length === 0 ? '=' : bytes.toString('base64');
  if (encoded !== '=' && !BASE64.test(encoded))
    return { ok: false, error: { code: 'content-encoding-failed' } };
  return { ok: true, token: encoded };
}

/** The last script encoded, and its encoding: the app runs one script, always the same. */
let lastEncoded: { readonly script: string; readonly encoded: string } | null = null;

/**
 * Encodes the script ahead of the first Apply (compacting and gzipping it takes a few ms),
 * when nothing else is waiting: an elevator calls it once it is made.
 */
export function prepareElevatedCommand(script: string = PRIVILEGED_SCRIPT): void {
  setImmediate(() => encodedScript(script)).unref();
}

/** The script without its comments (compactScript), gzipped, as base64. */
function encodedScript(script: string): string {
  if (lastEncoded?.script !== script) {
    const encoded = gzipSync(compactScript(script), { level: 9 }).toString('base64');
    lastEncoded = { script, encoded };
  }
  return lastEncoded.encoded;
}

/**
 * The command string handed to sudo-prompt: decode the constant script and run it with sh
 * and the validated arguments. Nothing here comes from input except tokens that passed
 * buildStepArguments, and the result is checked against SAFE_COMMAND_BYTES before anything
 * runs.
 *
 * `sh <(gzip -dc <(base64 -d <<< SCRIPT)) ARGS` rather than a pipeline: bash forks the two
 * substitutions, which become gzip and base64, and becomes sh itself (the last command of
 * its -c string): two processes fewer than `echo … | base64 -d | gzip -dc | sh -s`
 * (docs/step-protocol.md). Every byte of the line passes through each stage of the polkit
 * chain (sh, pkexec, polkitd's authorization details, bash, its here-string), so the script
 * goes without its comments and gzipped: 11 KB of base64 instead of 44 KB, for one gzip
 * process (gzip is on every Linux desktop; without it sh gets no script, exits 0 without
 * the step's applied line, and that is reported as a failed step, never as applied).
 */
export function buildElevatedCommand(
  args: readonly string[],
  script: string = PRIVILEGED_SCRIPT,
): string {
  assertSafeTokens(args);
  const encoded = encodedScript(script);
  const command = `/bin/sh <(gzip -dc <(base64 -d <<< ${encoded})) ${args.join(' ')}`;
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
  if (args.some((a) => !SAFE_TOKEN.test(a))) {
    throw new StepPlanError('refusing to build an elevated command from unsafe tokens');
  }
}
