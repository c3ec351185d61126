import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCapped, type CappedResult } from '../capped-run';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure, nodeError, type NodeErrorData, type SshFailure } from './ssh-errors';
import { runSsh, type SshSettings } from './ssh-runner';
import { readRegularText } from '../safe-read';

/** Host keys a node shows: a few lines; anything far larger is not a key list. */
const MAX_HOST_KEY_BYTES = 64 * 1024;

export interface HostKeyOffer {
  /** known_hosts lines exactly as ssh recorded them for this destination. */
  readonly lines: readonly string[];
  /** `ssh-keygen -l` output: bits, SHA256 fingerprint, host, type. */
  readonly fingerprints: readonly string[];
}

export type HostKeyScan =
  | { readonly ok: true; readonly offer: HostKeyOffer }
  | { readonly ok: false; readonly failure: SshFailure };

/**
 * `ssh-keygen -l` and `ssh -G` print a few lines. The cap and the timeout hold
 * whatever runs meanwhile (`ssh -G` evaluates the user's `Match exec` lines), so a
 * local tool can neither hang the add-node request nor exhaust the app.
 */
const LOCAL_TOOL_CAP = 256 * 1024;

function runLocal(program: string, args: readonly string[], timeoutMs: number) {
  return runCapped(program, args, '', { outputCap: LOCAL_TOOL_CAP, timeoutMs });
}

/** Why a local ssh tool gave no usable answer, or null when it did. */
function toolProblem(result: CappedResult, timeoutMs: number): string | null {
  if (result.timedOut) return `did not finish within ${timeoutMs / 1000} s`;
  if (result.overflow) return `printed more than ${LOCAL_TOOL_CAP / 1024} KiB`;
  if (result.status !== 0) return result.stderr.trim().slice(0, 300) || 'failed';
  return null;
}

/**
 * Learns a node's host key without trusting it: ssh records it in a throw-away
 * known_hosts file (accept-new there only), never authenticates, and the user's
 * own known_hosts is untouched until they accept the fingerprint shown.
 */
export async function scanHostKey(
  settings: SshSettings,
  destination: Destination,
): Promise<HostKeyScan> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nonlocal-bind-hostkey-'));
  try {
    const scratch = path.join(dir, 'known_hosts');
    const options = [
      'BatchMode=yes',
      'StrictHostKeyChecking=accept-new',
      `UserKnownHostsFile=${scratch}`,
      'GlobalKnownHostsFile=/dev/null',
      'HashKnownHosts=no',
      'PreferredAuthentications=none',
      'ConnectTimeout=10',
    ].flatMap((o) => ['-o', o]);
    const args = [...options, '-T', ...destinationArgs(destination), 'true'];
    const result = await runSsh(settings, args, '', 4096);
    const failed = (kind: 'timeout' | 'other', more: NodeErrorData): HostKeyScan => ({
      ok: false,
      failure: { kind, error: nodeError(kind, destination.text, { stage: 'host-key', ...more }) },
    });
    if (result.timedOut) return failed('timeout', { limit: settings.timeoutMs / 1000 });
    // What the host sent, written by ssh into our scratch file: read with a type check and a cap.
    const read = await readRegularText(scratch, MAX_HOST_KEY_BYTES);
    if (read.kind !== 'read')
      return { ok: false, failure: classifySshFailure(destination.text, result.stderr) };
    const text = read.text;
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const listed = await runLocal('ssh-keygen', ['-l', '-f', scratch], settings.timeoutMs);
    const problem = toolProblem(listed, settings.timeoutMs);
    const fingerprints = listed.stdout
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    // A key is never offered without a fingerprint the user can check.
    if (problem !== null || fingerprints.length === 0)
      return failed('other', { detail: problem ?? '' });
    return { ok: true, offer: { lines, fingerprints } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The user's known_hosts file as their ssh config resolves it for this destination. */
export async function userKnownHostsFile(
  settings: SshSettings,
  destination: Destination,
): Promise<string> {
  const shown = await runLocal(
    settings.program,
    [...settings.options, '-G', ...destinationArgs(destination)],
    settings.timeoutMs,
  );
  // A failing `ssh -G` has always meant the default file; one that hangs or floods is an error.
  const stopped = shown.timedOut || shown.overflow ? toolProblem(shown, settings.timeoutMs) : null;
  if (stopped !== null) {
    throw new Error(
      `ssh -G for ${destination.text} ${stopped}; check the Match exec lines of your ssh config.`,
    );
  }
  const line = shown.stdout
    .toString('utf8')
    .split('\n')
    .find((l) => l.startsWith('userknownhostsfile '));
  const first = line?.split(' ')[1] ?? '~/.ssh/known_hosts';
  return first.startsWith('~/') ? path.join(os.homedir(), first.slice(2)) : first;
}

/** Records an accepted host key in the user's known_hosts, as `ssh` itself would. */
export async function acceptHostKey(
  settings: SshSettings,
  destination: Destination,
  offer: HostKeyOffer,
): Promise<string> {
  const file = await userKnownHostsFile(settings, destination);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, offer.lines.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  return file;
}
