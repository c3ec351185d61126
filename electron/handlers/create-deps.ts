import type { DemoRoot, DemoScenario } from '../demo/scenarios';
import { createDemoElevator } from '../demo/demo-elevator';
import { createElevatorFor } from '../system/elevate';
import { createHostContext } from '../system/system-context';
import type { HandlerDeps } from './deps';

/**
 * The one place that decides which system the handlers act on: the real one,
 * or a demo scenario laid out in a temporary directory, whose "elevation"
 * runs the same privileged script against that directory (or answers as a
 * refused, impossible or read-only elevation would, when the scenario says so).
 */
export function createHandlerDeps(
  demo: { scenario: DemoScenario; root: DemoRoot } | null,
  writeClipboard: ((text: string) => void) | null = null,
): HandlerDeps {
  if (demo === null) {
    const ctx = createHostContext();
    const elevator = createElevatorFor(process.getuid?.() ?? -1, ctx.fsRoot);
    return { ctx, demo: null, elevator, writeClipboard };
  }
  const ctx = { fsRoot: demo.root.fsRoot, platform: 'linux' as const };
  return {
    ctx,
    demo: {
      scenario: demo.scenario.name,
      ...(demo.scenario.note ? { note: demo.scenario.note } : {}),
    },
    elevator: createDemoElevator(ctx.fsRoot, demo.scenario.elevation ?? 'granted'),
    writeClipboard,
  };
}
