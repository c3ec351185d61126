import type { LocalTarget } from '../target/local-target';
import type { NodeConnector } from '../target/node-target';

/** How the pair view reaches its machines: this computer's target, its nodes, the node list. */
export interface NodeServices {
  /** A node target for a destination: over the user's OpenSSH, or the demo's simulated node. */
  readonly connect: NodeConnector;
  /** The node list (destinations only), in the user's XDG config directory. */
  readonly storeFile: string;
  /** This computer, read and changed as the main view does. */
  readonly local: LocalTarget;
}
