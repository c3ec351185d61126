import type { DemoInfo } from '../contract';
import type { Elevator } from '../system/elevate';
import type { SystemContext } from '../system/system-context';

/** What every feature's handlers may use. Transports (IPC, HTTP) never see these. */
export interface HandlerDeps {
  readonly ctx: SystemContext;
  /** Non-null when serving a simulated system. */
  readonly demo: DemoInfo | null;
  /** Runs the privileged step; chosen once at start-up (direct for uid 0 and demo, else sudo-prompt). */
  readonly elevator: Elevator;
  /** Writes the system clipboard; null where the backend cannot reach the user's clipboard (preview). */
  readonly writeClipboard: ((text: string) => void) | null;
}
