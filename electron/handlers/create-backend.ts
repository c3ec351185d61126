import { rmSync } from 'node:fs';
import { createDemoRoot, type DemoScenario } from '../demo/scenarios';
import { createHandlerDeps, type ShellServices } from './create-deps';
import { createHandlerTable } from './handler-table';
import type { HandlerTable } from './types';

export interface BackendOptions {
  /** A demo scenario to lay out in a temporary directory, or null for this computer. */
  readonly demo: DemoScenario | null;
  /** The app's version as diagnostics report it (electron/app-version.ts). */
  readonly version: string;
  /** What only the Electron shell can provide; the preview has neither. */
  readonly shell?: ShellServices;
}

export interface Backend {
  readonly table: HandlerTable;
  /** Where the demo's simulated system lives; null on this computer. */
  readonly demoDir: string | null;
  /**
   * Removes the demo's temporary directory. Synchronous because Electron's will-quit
   * and a signal-driven exit both end the process right after it.
   */
  dispose(): void;
}

/** The one way a transport (Electron IPC, the preview's HTTP API) gets its handlers. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const root = options.demo ? await createDemoRoot(options.demo) : null;
  const deps = createHandlerDeps(
    options.demo && root ? { scenario: options.demo, root } : null,
    options.version,
    options.shell,
  );
  let disposed = false;
  return {
    table: createHandlerTable(deps),
    demoDir: root?.fsRoot ?? null,
    dispose: () => {
      if (disposed || root === null) return;
      disposed = true;
      rmSync(root.fsRoot, { recursive: true, force: true });
    },
  };
}
