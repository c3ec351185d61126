import { DEMO_OWN_ADDRESSES, type DemoRoot, type DemoScenario } from '../demo/scenarios';
import { createSimulatedElevator } from '../demo/simulated-elevator';
import { OWN_NAMESPACE_ONLY } from '../demo/demo-namespaces';
import { DEMO_NODE_NAME, demoNodePaths } from '../demo/demo-node';
import { simulatedNodes } from '../demo/simulated-node';
import { createDirectElevator, createElevatorFor } from '../system/elevate';
import { listNetworkNamespaces } from '../system/netns/list-namespaces';
import { nodeStorePath } from '../system/nodes/node-store';
import { createHostContext } from '../system/system-context';
import { PRIVILEGED_SCRIPT, privilegedScript } from '../system/privileged-script';
import { SETTINGS, type Catalogue } from '../system/settings';
import { createLocalTarget } from '../system/target/local-target';
import { sshNodes } from '../system/target/node-target';
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
  catalogue: Catalogue = SETTINGS,
): HandlerDeps {
  // The step of this catalogue: the app's own constant one unless a test brings a catalogue.
  const script = catalogue === SETTINGS ? PRIVILEGED_SCRIPT : privilegedScript(catalogue);
  const common = { ...shell, appVersion, applyLog: { last: null } };
  if (demo === null) {
    const ctx = createHostContext();
    const elevator = createElevatorFor(process.getuid?.() ?? -1, ctx.fsRoot, script);
    const target = createLocalTarget({ kind: 'this-computer' }, ctx, elevator, catalogue);
    return {
      ...common,
      target,
      demo: null,
      listNamespaces: (options) => listNetworkNamespaces({ services: options?.services }),
      // The system's own ssh with no options: the user's config, agent, keys and known_hosts apply.
      nodes: {
        connect: sshNodes({ program: 'ssh', options: [], timeoutMs: 30_000 }),
        storeFile: nodeStorePath(process.env),
        local: target,
      },
    };
  }
  const ctx = { fsRoot: demo.root.fsRoot, platform: 'linux' as const };
  const elevator = demo.scenario.elevation
    ? createSimulatedElevator(demo.scenario.elevation)
    : createDirectElevator(ctx.fsRoot, script);
  const target = createLocalTarget(
    { kind: 'demo', scenario: demo.scenario.name },
    ctx,
    elevator,
    catalogue,
    DEMO_OWN_ADDRESSES,
  );
  const { nodeRoot, storeFile } = demoNodePaths(demo.root.fsRoot);
  return {
    ...common,
    target,
    demo: { scenario: demo.scenario.name, summary: demo.scenario.summary, node: DEMO_NODE_NAME },
    // The pair's second node is simulated too (electron/demo/simulated-node.ts).
    nodes: { connect: simulatedNodes(nodeRoot, { trusted: false }), storeFile, local: target },
    // Simulated: the demo never scans this computer's /proc.
    listNamespaces: () => Promise.resolve(demo.scenario.namespaces ?? OWN_NAMESPACE_ONLY),
  };
}
