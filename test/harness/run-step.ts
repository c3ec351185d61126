import { PRIVILEGED_SCRIPT } from '../../electron/system/privileged-script';
import type { Sandbox } from './sandbox';

export interface StepOutcome {
  /** The step's exit code; -1 when it was killed. */
  readonly code: number;
  readonly stderr: string;
}

/**
 * Runs the privileged script as root inside the sandbox, fed on stdin as the app does.
 * With `killAfterMs`, SIGKILLs its whole process group (the shell and whatever it is
 * running: base64, cp, mv, sync) after that long, as a crash or `kill -9` would.
 * `script` is the app's step unless a test generates one for its own catalogue.
 */
export function runStepInSandbox(
  sandbox: Sandbox,
  args: readonly string[],
  killAfterMs: number | null = null,
  script: string = PRIVILEGED_SCRIPT,
): Promise<StepOutcome & { readonly stdout: string }> {
  return new Promise((resolve) => {
    const child = sandbox.spawn('/bin/sh', ['-s', '--', ...args], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stdin?.end(script);
    const timer =
      killAfterMs === null
        ? null
        : setTimeout(() => {
            try {
              if (child.pid) process.kill(-child.pid, 'SIGKILL');
            } catch {
              // The step finished in the same instant: nothing left to kill.
            }
          }, killAfterMs);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stderr, stdout }));
  });
}
