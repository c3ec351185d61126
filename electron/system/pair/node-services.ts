import type { SshSettings } from '../nodes/ssh-runner';

/** How the pair view reaches nodes: the user's OpenSSH and where the node list lives. */
export interface NodeServices {
  readonly ssh: SshSettings;
  /** The node list (destinations only), in the user's XDG config directory. */
  readonly storeFile: string;
}
