import type { Channel } from '../contract';
import type { HandlerTable } from './types';
import type { HandlerDeps } from './deps';
import { createAlikeHandlers } from './alike-handlers';
import { createApplyHandlers } from './apply-handlers';
import { createBindTestHandlers } from './bind-test-handlers';
import { createClipboardHandlers } from './clipboard-handlers';
import { createDiagnosticsHandlers } from './diagnostics-handlers';
import { createFleetHandlers } from './fleet-handlers';
import { createNamespaceHandlers } from './namespace-handlers';
import { createNodeHandlers } from './node-handlers';
import { createVipHandlers } from './vip-handlers';
import { createPlanHandlers } from './plan-handlers';
import { createStateHandlers } from './state-handlers';

export type { FeatureHandlers, HandlerTable } from './types';

/**
 * The transport-free handler table shared by Electron IPC and the preview's HTTP API.
 * Each feature module contributes its own channels; the type forces every channel to be covered.
 */
export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    ...createStateHandlers(deps),
    ...createPlanHandlers(deps),
    ...createApplyHandlers(deps),
    ...createClipboardHandlers(deps),
    ...createBindTestHandlers(deps),
    ...createDiagnosticsHandlers(deps),
    ...createVipHandlers(deps),
    ...createNodeHandlers(deps),
    ...createAlikeHandlers(deps),
    ...createFleetHandlers(deps),
    ...createNamespaceHandlers(deps),
  };
}

export function isChannel(table: HandlerTable, name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);
}
