import { spawn } from 'node:child_process';
import { PRIVILEGED_SCRIPT } from './privileged-script';
import { assertSafeTokens } from './privileged-step';
import { createHelperElevator } from './helper-elevator';
import { runPkexec } from './pkexec-run';
import { checkInstalledHelper, PKEXEC_PATH, type HelperCheck } from './step-helper';
import type { Elevator } from './elevator';

export type { Elevator, StepRun } from './elevator';

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

/**
 * Elevates under polkit's generic action with no shell in front: pkexec runs
 * `/bin/sh -s -- ARGS` and the step's text arrives on its standard input, as the direct
 * elevator hands it to root's sh. pkexec becomes that sh, so this is one process where
 * sudo-prompt started a shell, pkexec, bash, base64 and sh (each Apply waited for them),
 * and polkit's dialog shows the step's arguments rather than a base64 blob. The caller's
 * working directory, environment and shell startup files never reach root.
 */
export function createPkexecElevator(script = PRIVILEGED_SCRIPT, pkexec = PKEXEC_PATH): Elevator {
  return {
    kind: 'polkit',
    runStep: (args, manual) => {
      assertSafeTokens(args);
      const argv = ['--disable-internal-agent', '/bin/sh', '-s', '--', ...args];
      return runPkexec(pkexec, argv, script, manual);
    },
  };
}

/**
 * Asks polkit: for the packages' named action when their helper is installed and is
 * exactly this app's step, otherwise under the generic action (createPkexecElevator).
 * Decided again for every Apply (step-helper.ts says why).
 */
export function createPolkitElevator(
  findHelper: () => HelperCheck = () => checkInstalledHelper(),
  viaHelper: (path: string) => Elevator = createHelperElevator,
  viaGeneric: Elevator = createPkexecElevator(),
): Elevator {
  return {
    kind: 'polkit',
    runStep: (args, manual) => {
      const helper = findHelper();
      return (helper.usable ? viaHelper(helper.path) : viaGeneric).runStep(args, manual);
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
  return script === PRIVILEGED_SCRIPT ? createPolkitElevator() : createPkexecElevator(script);
}
