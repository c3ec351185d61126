import { spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure, type SshFailure } from './ssh-errors';
import { runSsh, type SshSettings } from './ssh-runner';

export interface HostKeyOffer {
  /** known_hosts lines exactly as ssh recorded them for this destination. */
  readonly lines: readonly string[];
  /** `ssh-keygen -l` output: bits, SHA256 fingerprint, host, type. */
  readonly fingerprints: readonly string[];
}

export type HostKeyScan =
  | { readonly ok: true; readonly offer: HostKeyOffer }
  | { readonly ok: false; readonly failure: SshFailure };

function run(
  program: string,
  args: readonly string[],
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.on('error', () => resolve({ status: null, stdout }));
    child.on('close', (status) => resolve({ status, stdout }));
  });
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
    const result = await runSsh(
      settings,
      [
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=accept-new',
        '-o',
        `UserKnownHostsFile=${scratch}`,
        '-o',
        'GlobalKnownHostsFile=/dev/null',
        '-o',
        'HashKnownHosts=no',
        '-o',
        'PreferredAuthentications=none',
        '-o',
        'ConnectTimeout=10',
        '-T',
        ...destinationArgs(destination),
        'true',
      ],
      '',
      4096,
    );
    let text = '';
    try {
      text = await readFile(scratch, 'utf8');
    } catch {
      return { ok: false, failure: classifySshFailure(destination.text, result.stderr) };
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const listed = await run('ssh-keygen', ['-l', '-f', scratch]);
    const fingerprints = listed.stdout.split('\n').filter((l) => l.trim() !== '');
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
  const shown = await run(settings.program, [
    ...settings.options,
    '-G',
    ...destinationArgs(destination),
  ]);
  const line = shown.stdout.split('\n').find((l) => l.startsWith('userknownhostsfile '));
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
