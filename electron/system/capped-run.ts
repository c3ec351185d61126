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
    let settled = false;
    /** The exit status once the program itself has ended; undefined before. */
    let exitStatus: number | null | undefined;
    const finish = (status: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ status, stdout: Buffer.concat(chunks), stderr, overflow, timedOut });
    };
    // A stopped program's descendants (an ssh Match exec or ProxyCommand) may still
    // hold its pipes open; waiting for them would defeat the timeout.
    const finishIfStopped = () => {
      if ((timedOut || overflow) && exitStatus !== undefined) finish(exitStatus);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      finishIfStopped();
    }, limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > limits.outputCap) {
        overflow = true;
        child.kill('SIGKILL');
        finishIfStopped();
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.on('error', (error) => {
      stderr += String(error);
      finish(null);
    });
    child.on('exit', (code) => {
      exitStatus = code;
      finishIfStopped();
    });
    child.on('close', (code) => finish(code));
  });
}
