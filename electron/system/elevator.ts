import type { ApiError } from '../contract';
import type { ManualCommands } from './elevation-errors';

export type StepRun =
  | {
      readonly kind: 'ran';
      readonly exitCode: number;
      readonly stdout: string;
      readonly stderr: string;
    }
  | { readonly kind: 'not-elevated'; readonly error: ApiError };

/**
 * Runs the privileged step once with validated arguments. `polkit`: a user is asked for
 * a password (named action or sudo-prompt); `direct`: root, or the demo's simulated root.
 */
export interface Elevator {
  readonly kind: 'direct' | 'polkit' | 'simulated';
  runStep(args: readonly string[], manual: ManualCommands): Promise<StepRun>;
}
