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
    }
  /** Opened without its access token: there is no backend to ask (words: codeWords 'no-api'). */
  | { readonly kind: 'missing' };

const TOKEN_KEY = 'nonlocal-bind-token';

/**
 * The preview's token arrives in the URL fragment; it is moved to this tab's session
 * storage and removed from the address bar (and so from history and screenshots) at
 * once. A reload of the same tab still finds it.
 */
function takeToken(): string | null {
  const fromUrl = readTokenFromLocation(window.location.hash);
  if (fromUrl !== null) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  const stored = window.sessionStorage.getItem(TOKEN_KEY);
  return stored !== null && readTokenFromLocation(`#token=${stored}`) !== null ? stored : null;
}

/** The preload's API inside Electron; otherwise the HTTP bridge of the preview server. */
export function connectApi(): ApiSource {
  if (window.nonlocalBind) return { kind: 'ready', api: window.nonlocalBind };
  const token = takeToken();
  if (token === null) {
    return { kind: 'missing' };
  }
  return { kind: 'ready', api: createHttpBridge(token) };
}
