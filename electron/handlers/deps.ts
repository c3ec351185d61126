import type { AppState } from '../contract';
import type { NodeServices } from '../system/pair/node-list';
import type { NamespaceListingAnswer } from '../system/netns/netns-types';
import type { LocalTarget } from '../system/target/local-target';
import type { UiLocaleSource } from '../system/diagnostics-locale';

export type { NodeServices } from '../system/pair/node-list';

/** What every feature's handlers may use. Transports (IPC, HTTP) never see these. */
export interface HandlerDeps {
  /** Where the main view's settings live: this computer, or the demo's simulated one. */
  readonly target: LocalTarget;
  /** Non-null when serving a simulated system. */
  readonly demo: AppState['demo'];
  /** Writes the system clipboard; null where the backend cannot reach the user's clipboard (preview). */
  readonly writeClipboard: ((text: string) => void) | null;
  /** Asks where to save a text file and writes it; resolves to the path, or null if cancelled. */
  readonly saveTextFile: ((suggestedName: string, text: string) => Promise<string | null>) | null;
  /** The last Apply of this session, for diagnostics. */
  readonly applyLog: { last: { readonly at: string; readonly summary: string } | null };
  readonly appVersion: string;
  /** The window's language for the diagnostics report; the transport knows it (BackendOptions). */
  readonly uiLocale?: UiLocaleSource;
  /** Where the pair view's node targets come from: over SSH, or the demo's simulated node; null where a test leaves them out. */
  readonly nodes: NodeServices | null;
  /**
   * Lists the computer's network namespaces: the real scan, or the demo scenario's story.
   * `services: false` leaves out what runs inside (the load balancers' VIPs), for a caller
   * that only needs a way into a namespace.
   */
  readonly listNamespaces: (options?: {
    readonly services?: boolean;
  }) => Promise<NamespaceListingAnswer>;
}
