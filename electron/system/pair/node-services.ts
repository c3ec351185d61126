import type { Elevator } from '../elevate';
import type { SshSettings } from '../nodes/ssh-runner';
import type { SystemContext } from '../system-context';

/** How the pair view reaches nodes: the user's OpenSSH and where the node list lives. */
export interface NodeServices {
  readonly ssh: SshSettings;
  /** The node list (destinations only), in the user's XDG config directory. */
  readonly storeFile: string;
}

/** This computer, as the pair view changes it: its files and its way of elevating. */
export interface ThisComputer {
  readonly ctx: SystemContext;
  readonly elevator: Elevator;
}
