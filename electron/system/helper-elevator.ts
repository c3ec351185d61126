import { spawn } from 'node:child_process';
import type { Elevator } from './elevator';
import { mapElevationFailure, SUDO_PROMPT_MESSAGES } from './elevation-errors';
import { classifyPkexecExit } from './pkexec-outcome';
import { assertSafeTokens } from './privileged-step';
import { PKEXEC_PATH } from './step-helper';

/**
 * Runs the installed helper through pkexec, so polkit asks for the package's own action
 * (step-helper.ts) with its own message.
 *
 * Not through @vscode/sudo-prompt: on Linux it always runs `pkexec /bin/bash -c "…"`,
 * so pkexec would authorize /bin/bash under the generic action, never the helper's.
 * pkexec is started directly with an argument vector: no shell parses anything, and the
 * tokens are the same validated ones the sudo-prompt path gets. stdin is /dev/null and
 * the environment minimal (pkexec clears it for the helper anyway).
 */
export function createHelperElevator(helperPath: string, pkexec = PKEXEC_PATH): Elevator {
  return {
    kind: 'polkit',
    runStep: (args, manual) => {
      assertSafeTokens(args);
      return new Promise((resolve) => {
        const child = spawn(pkexec, ['--disable-internal-agent', helperPath, ...args], {
          cwd: '/',
          env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
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
              : {
                  kind: 'not-elevated',
                  error: mapElevationFailure(outcome.message, stderr, manual),
                },
          );
        });
      });
    },
  };
}
