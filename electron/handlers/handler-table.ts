import type { Channel } from '../contract';
import type { HandlerTable } from './types';
import type { HandlerDeps } from './deps';
import { createApplyHandlers } from './apply-handlers';
import { createMainViewHandlers } from './main-view-handlers';
import { createNamespaceHandlers } from './namespace-handlers';
import { createNodeHandlers } from './node-handlers';

export type { FeatureHandlers, HandlerTable } from './types';

/**
 * The transport-free handler table shared by Electron IPC and the preview's HTTP API.
 * Each feature module contributes its own channels; the type forces every channel to be covered.
 */
export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    ...createMainViewHandlers(deps),
    ...createApplyHandlers(deps),
    ...createNodeHandlers(deps),
    ...createNamespaceHandlers(deps),
  };
}

export function isChannel(table: HandlerTable, name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);
}
