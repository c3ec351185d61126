import { spawn } from 'node:child_process';

export interface CappedResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** The output passed the cap and the program was stopped. */
  readonly overflow: boolean;
  readonly timedOut: boolean;
}

/**
 * Runs a program with argv only (no local shell), writes stdin, and caps what it
 * keeps: whatever answers (a hostile node, a chatty tool) cannot make the app hang
 * (timeout) or exhaust memory (cap).
 */
export function runCapped(
  program: string,
  args: readonly string[],
  stdin: Buffer | string,
  limits: { readonly outputCap: number; readonly timeoutMs: number },
): Promise<CappedResult> {
  return new Promise((resolve) => {
    const child = spawn(program, args, {
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
    }, limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > limits.outputCap) {
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
