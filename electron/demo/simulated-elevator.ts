import { SUDO_PROMPT_MESSAGES, mapElevationFailure } from '../system/elevation-errors';
import type { Elevator } from '../system/elevate';
import { STEP_EXIT } from '../system/privileged-script';
import type { SimulatedElevation } from './scenarios';

/**
 * Plays back what the real chain reports in a given situation, through the same
 * error mapping, so a demo shows exactly the words a user would see.
 */
export function createSimulatedElevator(outcome: SimulatedElevation): Elevator {
  return {
    kind: 'simulated',
    runStep: async (_args, manual) => {
      switch (outcome) {
        case 'auth-denied':
          return {
            kind: 'not-elevated',
            error: mapElevationFailure(SUDO_PROMPT_MESSAGES.permissionDenied, '', manual),
          };
        case 'no-polkit-agent':
          return {
            kind: 'not-elevated',
            error: mapElevationFailure(
              SUDO_PROMPT_MESSAGES.noPolkitAgent,
              'Error executing command as another user: No authentication agent found.',
              manual,
            ),
          };
        case 'no-pkexec':
          return {
            kind: 'not-elevated',
            error: mapElevationFailure(SUDO_PROMPT_MESSAGES.noPkexec, '', manual),
          };
        case 'readonly-proc':
          return {
            kind: 'ran',
            exitCode: STEP_EXIT.procReadOnly,
            stdout: '',
            stderr:
              'nonlocal-bind: setting IPv4 failed: /proc/sys/net/ipv4/ip_nonlocal_bind: Read-only file system; restoring the previous state\n',
          };
      }
    },
  };
}
