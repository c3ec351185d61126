import { rmSync } from 'node:fs';
import { layDemoNode } from '../demo/demo-node';
import { createDemoRoot, type DemoScenario } from '../demo/scenarios';
import { createHandlerDeps, type ShellServices } from './create-deps';
import { createHandlerTable } from './handler-table';
import type { UiLocaleSource } from '../system/diagnostics-locale';
import { SETTINGS, type Catalogue } from '../system/settings';
import type { HandlerTable } from './types';

/** Where the main view's settings live: this computer, or a demo scenario laid out in a temporary directory. */
export type BackendTarget =
  { readonly kind: 'this-computer' } | { readonly kind: 'demo'; readonly scenario: DemoScenario };

export interface BackendOptions {
  readonly target: BackendTarget;
  /** The app's version as diagnostics report it (electron/app-version.ts). */
  readonly version: string;
  /** What only the Electron shell can provide; the preview has neither. */
  readonly shell?: ShellServices;
  /** The settings it manages: the app's catalogue unless a test brings its own. */
  readonly catalogue?: Catalogue;
  /** Which language the window shows and why, for the diagnostics report (main, the preview). */
  readonly uiLocale?: UiLocaleSource;
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
  const { target, catalogue = SETTINGS } = options;
  const demo =
    target.kind === 'demo'
      ? { scenario: target.scenario, root: await createDemoRoot(target.scenario, catalogue) }
      : null;
  if (demo) await layDemoNode(demo.root.fsRoot);
  const root = demo?.root ?? null;
  const deps = {
    ...createHandlerDeps(demo, options.version, options.shell, catalogue),
    uiLocale: options.uiLocale,
  };
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
