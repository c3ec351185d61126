import type { SshSettings } from '../nodes/ssh-runner';
import type { LocalTarget } from '../target/local-target';

/** How the pair view reaches its machines: this computer's target, the user's OpenSSH, the node list. */
export interface NodeServices {
  readonly ssh: SshSettings;
  /** The node list (destinations only), in the user's XDG config directory. */
  readonly storeFile: string;
  /** This computer, read and changed as the main view does. */
  readonly local: LocalTarget;
}
