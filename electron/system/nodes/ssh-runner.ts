import { spawn } from 'node:child_process';

/** How the app invokes OpenSSH: the program and options from the user (e.g. `-F file`). */
export interface SshSettings {
  /** The ssh program; `ssh` on PATH normally. */
  readonly program: string;
  /** Extra leading options, e.g. ['-F', '/path/config']; empty in normal use so ~/.ssh/config applies. */
  readonly options: readonly string[];
  readonly timeoutMs: number;
}

export interface SshResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** The output passed the cap and ssh was stopped. */
  readonly overflow: boolean;
  readonly timedOut: boolean;
}

/**
 * Options no caller can loosen: host keys are always checked, and ssh never
 * prompts on a terminal (there is none); secrets only travel on stdin.
 */
export const FIXED_SSH_OPTIONS = [
  '-o',
  'BatchMode=yes',
  '-o',
  'StrictHostKeyChecking=yes',
  '-o',
  'ConnectTimeout=10',
  '-o',
  'ServerAliveInterval=5',
  '-o',
  'ServerAliveCountMax=2',
  '-T',
] as const;

/**
 * Runs ssh with argv only (no local shell), writes stdin, and caps what it keeps:
 * a hostile node cannot make the app hang (timeout) or exhaust memory (cap).
 */
export function runSsh(
  settings: SshSettings,
  args: readonly string[],
  stdin: Buffer | string,
  outputCap: number,
): Promise<SshResult> {
  return new Promise((resolve) => {
    const child = spawn(settings.program, [...settings.options, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let overflow = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, settings.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > outputCap) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    const finish = (status: number | null) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(chunks), stderr, overflow, timedOut });
    };
    child.on('error', (error) => {
      stderr += String(error);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}
