import { createDirectElevator, type Elevator } from '../system/elevate';
import { mapElevationFailure, SUDO_PROMPT_MESSAGES } from '../system/elevation-errors';
import { STEP_EXIT } from '../system/privileged-script';

/** How "asking for administrator rights" ends in a demo scenario. */
export type DemoElevation =
  'granted' | 'auth-denied' | 'no-polkit-agent' | 'no-pkexec' | 'readonly-proc';

const SUDO_PROMPT_MESSAGE_OF = {
  'auth-denied': SUDO_PROMPT_MESSAGES.permissionDenied,
  'no-polkit-agent': SUDO_PROMPT_MESSAGES.noPolkitAgent,
  'no-pkexec': SUDO_PROMPT_MESSAGES.noPkexec,
} as const;

/**
 * The demo's elevator. "granted" runs the real privileged script against the
 * demo's temporary root (no rights needed there). The failure outcomes feed
 * the exact message @vscode/sudo-prompt reports into the same mapping the
 * real elevator uses, so the demo shows word for word what a user would see.
 * "readonly-proc" answers as the script does when procfs refuses the write
 * (exit 67 after its rollback line): an unprivileged demo cannot mount a
 * read-only /proc/sys, so this one outcome is simulated; steps that leave the
 * runtime values alone still run for real.
 */
export function createDemoElevator(fsRoot: string, elevation: DemoElevation): Elevator {
  const direct = createDirectElevator(fsRoot);
  if (elevation === 'granted') return direct;
  return {
    kind: 'simulated',
    runStep: async (args, manual) => {
      if (elevation !== 'readonly-proc') {
        const message = SUDO_PROMPT_MESSAGE_OF[elevation];
        return { kind: 'not-elevated', error: mapElevationFailure(message, '', manual) };
      }
      // Step arguments: v1 IPV4 IPV6 …; "-" leaves a runtime value alone.
      const [, ipv4, ipv6] = args;
      if (ipv4 === '-' && ipv6 === '-') return direct.runStep(args, manual);
      const family = ipv4 !== '-' ? 'IPv4' : 'IPv6';
      return {
        kind: 'ran',
        exitCode: STEP_EXIT.procReadOnly,
        stdout: '',
        stderr: `nonlocal-bind: setting ${family} failed; restoring the previous state\n`,
      };
    },
  };
}
