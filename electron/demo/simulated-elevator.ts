import { SUDO_PROMPT_MESSAGES, mapElevationFailure } from '../system/elevation-errors';
import type { Elevator } from '../system/elevate';
import { STEP_EXIT } from '../system/privileged-script';
import type { SimulatedElevation } from './scenarios';

/** What sudo-prompt says when it cannot elevate: its message, and pkexec's stderr. */
const NOT_ELEVATED: Readonly<
  Record<Exclude<SimulatedElevation, 'readonly-proc'>, readonly [string, string]>
> = {
  'auth-denied': [SUDO_PROMPT_MESSAGES.permissionDenied, ''],
  'no-polkit-agent': [
    SUDO_PROMPT_MESSAGES.noPolkitAgent,
    'Error executing command as another user: No authentication agent found.',
  ],
  'no-pkexec': [SUDO_PROMPT_MESSAGES.noPkexec, ''],
};

/**
 * Plays back what the real chain reports in a given situation, through the same
 * error mapping, so a demo shows exactly the words a user would see.
 */
export function createSimulatedElevator(outcome: SimulatedElevation): Elevator {
  return {
    kind: 'simulated',
    runStep: async (_args, manual) => {
      if (outcome !== 'readonly-proc') {
        const [message, stderr] = NOT_ELEVATED[outcome];
        return { kind: 'not-elevated', error: mapElevationFailure(message, stderr, manual) };
      }
      return {
        kind: 'ran',
        exitCode: STEP_EXIT.procReadOnly,
        stdout: '',
        stderr:
          'nonlocal-bind: setting IPv4 failed: /proc/sys/net/ipv4/ip_nonlocal_bind: Read-only file system; restoring the previous state\n',
      };
    },
  };
}
