import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNELS, API_GLOBAL, type ApiMethod, type NonlocalBindApi } from '../contract';

// One named method per contract entry; the page never sees ipcRenderer itself.
const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
for (const method of Object.keys(API_CHANNELS) as ApiMethod[]) {
  const channel = API_CHANNELS[method];
  api[method] = (payload?: unknown) => ipcRenderer.invoke(channel, payload ?? null);
}

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api) as unknown as NonlocalBindApi);
