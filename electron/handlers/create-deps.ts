import { DEMO_OWN_ADDRESSES, type DemoRoot, type DemoScenario } from '../demo/scenarios';
import { createSimulatedElevator } from '../demo/simulated-elevator';
import { createDirectElevator, createElevatorFor } from '../system/elevate';
import { nodeStorePath } from '../system/nodes/node-store';
import { createHostContext } from '../system/system-context';
import { SETTINGS } from '../system/settings';
import { createLocalTarget } from '../system/target/local-target';
import type { HandlerDeps } from './deps';

/** What only the Electron shell can provide: the system clipboard and a save dialog. */
export interface ShellServices {
  readonly writeClipboard: HandlerDeps['writeClipboard'];
  readonly saveTextFile: HandlerDeps['saveTextFile'];
}

const NO_SHELL: ShellServices = { writeClipboard: null, saveTextFile: null };

/**
 * The one place that decides which system the handlers act on: the real one,
 * or a demo scenario laid out in a temporary directory, whose "elevation"
 * simply runs the same privileged script against that directory.
 */
export function createHandlerDeps(
  demo: { scenario: DemoScenario; root: DemoRoot } | null,
  appVersion: string,
  shell: ShellServices = NO_SHELL,
): HandlerDeps {
  const common = { ...shell, appVersion, applyLog: { last: null } };
  if (demo === null) {
    const ctx = createHostContext();
    const elevator = createElevatorFor(process.getuid?.() ?? -1, ctx.fsRoot);
    const target = createLocalTarget({ kind: 'this-computer' }, ctx, elevator);
    return {
      ...common,
      target,
      demo: null,
      // The system's own ssh with no options: the user's config, agent, keys and known_hosts apply.
      nodes: {
        ssh: { program: 'ssh', options: [], timeoutMs: 30_000 },
        storeFile: nodeStorePath(process.env),
        local: target,
      },
    };
  }
  const ctx = { fsRoot: demo.root.fsRoot, platform: 'linux' as const };
  const elevator = demo.scenario.elevation
    ? createSimulatedElevator(demo.scenario.elevation)
    : createDirectElevator(ctx.fsRoot);
  return {
    ...common,
    target: createLocalTarget(
      { kind: 'demo', scenario: demo.scenario.name },
      ctx,
      elevator,
      SETTINGS,
      DEMO_OWN_ADDRESSES,
    ),
    demo: { scenario: demo.scenario.name, summary: demo.scenario.summary },
    nodes: null,
  };
}
