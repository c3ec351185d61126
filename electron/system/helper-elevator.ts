import type { Elevator } from './elevator';
import { runPkexec } from './pkexec-run';
import { assertSafeTokens } from './privileged-step';
import { PKEXEC_PATH } from './step-helper';

/**
 * Runs the installed helper through pkexec, so polkit asks for the package's own action
 * (step-helper.ts) with its own message.
 *
 * Not through @vscode/sudo-prompt: on Linux it always runs `pkexec /bin/bash -c "…"`,
 * so pkexec would authorize /bin/bash under the generic action, never the helper's.
 * pkexec is started directly with an argument vector (pkexec-run.ts); the tokens are the
 * same validated ones every path gets, and stdin is /dev/null.
 */
export function createHelperElevator(helperPath: string, pkexec = PKEXEC_PATH): Elevator {
  return {
    kind: 'polkit',
    runStep: (args, manual) => {
      assertSafeTokens(args);
      return runPkexec(pkexec, ['--disable-internal-agent', helperPath, ...args], null, manual);
    },
  };
}
