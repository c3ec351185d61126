import { spawn } from 'node:child_process';
import type { StepRun } from './elevator';
import { mapElevationFailure, SUDO_PROMPT_MESSAGES, type ManualCommands } from './elevation-errors';
import { classifyPkexecExit } from './pkexec-outcome';

/**
 * Runs pkexec once with an argument vector: no shell parses anything before it. `stdin`:
 * what the program reads (the step's text for `/bin/sh -s`), or null for /dev/null. The
 * environment is minimal (pkexec clears it for the program anyway) and the working
 * directory `/`, so nothing of the caller's reaches root but the validated arguments.
 */
export function runPkexec(
  pkexec: string,
  argv: readonly string[],
  stdin: string | null,
  manual: ManualCommands,
): Promise<StepRun> {
  return new Promise((resolve) => {
    const child = spawn(pkexec, argv, {
      cwd: '/',
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
      stdio: [stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    if (child.stdin) {
      // pkexec refusing exits without reading: the write then fails with EPIPE, and the
      // exit code (classified below) is the answer, not that error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      const message =
        error.code === 'ENOENT' ? SUDO_PROMPT_MESSAGES.noPkexec : String(error.message);
      resolve({ kind: 'not-elevated', error: mapElevationFailure(message, stderr, manual) });
    });
    child.on('close', (code) => {
      const exitCode = code ?? 128;
      const outcome = classifyPkexecExit(exitCode, stdout, stderr);
      resolve(
        outcome.kind === 'ran'
          ? { kind: 'ran', exitCode, stdout, stderr }
          : { kind: 'not-elevated', error: mapElevationFailure(outcome.message, stderr, manual) },
      );
    });
  });
}
