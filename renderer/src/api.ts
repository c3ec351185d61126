import type { NonlocalBindApi } from '../../electron/contract';
import { createHttpBridge, readTokenFromLocation } from './http-bridge';

declare global {
  interface Window {
    readonly nonlocalBind?: NonlocalBindApi;
  }
}

export type ApiSource =
  | {
      readonly kind: 'ready';
      readonly api: NonlocalBindApi;
      readonly transport: 'electron' | 'http';
    }
  | { readonly kind: 'missing'; readonly problem: string };

/** The preload's API inside Electron; otherwise the HTTP bridge of the preview server. */
export function connectApi(): ApiSource {
  if (window.nonlocalBind)
    return { kind: 'ready', api: window.nonlocalBind, transport: 'electron' };
  const token = readTokenFromLocation(window.location.hash);
  if (token === null) {
    return {
      kind: 'missing',
      problem:
        'This page was opened without its access token. Open the exact address that `npm run preview` printed.',
    };
  }
  return { kind: 'ready', api: createHttpBridge(token), transport: 'http' };
}
