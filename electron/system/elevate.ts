import { spawn } from 'node:child_process';
import { exec as sudoExec } from '@vscode/sudo-prompt';
import { mapElevationFailure, SUDO_PROMPT_MESSAGES } from './elevation-errors';
import { PRIVILEGED_SCRIPT } from './privileged-script';
import { buildElevatedCommand, prepareElevatedCommand } from './privileged-step';
import { createHelperElevator } from './helper-elevator';
import { checkInstalledHelper, type HelperCheck } from './step-helper';
import type { Elevator } from './elevator';

export type { Elevator, StepRun } from './elevator';

/** The name polkit shows; fixed, never derived from input. */
export const ELEVATION_NAME = 'Nonlocal Bind';

/**
 * Runs the script with /bin/sh directly: for uid 0, and for the demo, whose
 * simulated root (fsRoot) needs no rights. Arguments go through argv; no shell string.
 */
export function createDirectElevator(fsRoot: string, script = PRIVILEGED_SCRIPT): Elevator {
  return {
    kind: 'direct',
    runStep: (args) =>
      new Promise((resolve) => {
        const child = spawn('/bin/sh', ['-s', '--', ...args], {
          env: {
            PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
            LC_ALL: 'C',
            NONLOCAL_BIND_ROOT: fsRoot === '/' ? '' : fsRoot,
          },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('error', (error) =>
          resolve({ kind: 'ran', exitCode: 127, stdout, stderr: `${stderr}${String(error)}` }),
        );
        child.on('close', (code) =>
          resolve({ kind: 'ran', exitCode: code ?? 128, stdout, stderr }),
        );
        child.stdin.end(script);
      }),
  };
}

/** Elevates through @vscode/sudo-prompt (pkexec and polkit on Linux): one dialog per call. */
export function createSudoPromptElevator(script = PRIVILEGED_SCRIPT): Elevator {
  prepareElevatedCommand(script);
  return {
    kind: 'polkit',
    runStep: (args, manual) =>
      new Promise((resolve) => {
        const command = buildElevatedCommand(args, script);
        sudoExec(command, { name: ELEVATION_NAME }, (error, stdout, stderr) => {
          const out = typeof stdout === 'string' ? stdout : (stdout?.toString() ?? '');
          const err = typeof stderr === 'string' ? stderr : (stderr?.toString() ?? '');
          if (!error) {
            resolve({ kind: 'ran', exitCode: 0, stdout: out, stderr: err });
            return;
          }
          // sudo-prompt replaces the message only when the command never ran elevated;
          // otherwise `code` is the script's own exit code.
          const code = (error as Error & { code?: unknown }).code;
          if (!isElevationMessage(error.message) && typeof code === 'number') {
            resolve({ kind: 'ran', exitCode: code, stdout: out, stderr: err });
            return;
          }
          resolve({ kind: 'not-elevated', error: mapElevationFailure(error.message, err, manual) });
        });
      }),
  };
}

function isElevationMessage(message: string): boolean {
  return (Object.values(SUDO_PROMPT_MESSAGES) as string[]).includes(message);
}

/**
 * Asks polkit: for the packages' named action when their helper is installed and is
 * exactly this app's step, otherwise through sudo-prompt. Decided again for every
 * Apply (step-helper.ts says why).
 */
export function createPolkitElevator(
  findHelper: () => HelperCheck = () => checkInstalledHelper(),
  viaHelper: (path: string) => Elevator = createHelperElevator,
  viaSudoPrompt: Elevator = createSudoPromptElevator(),
): Elevator {
  return {
    kind: 'polkit',
    runStep: (args, manual) => {
      const helper = findHelper();
      return (helper.usable ? viaHelper(helper.path) : viaSudoPrompt).runStep(args, manual);
    },
  };
}

/**
 * Root runs the step itself; everyone else asks polkit. `script`: the step of the target's
 * catalogue (a test's own catalogue runs its own step; the installed helper is the app's).
 */
export function createElevatorFor(
  uid: number,
  fsRoot: string,
  script = PRIVILEGED_SCRIPT,
): Elevator {
  if (uid === 0) return createDirectElevator(fsRoot, script);
  return script === PRIVILEGED_SCRIPT ? createPolkitElevator() : createSudoPromptElevator(script);
}
