import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Channel } from '../contract';
import { fail } from '../handlers/envelope';
import type { HandlerTable } from '../handlers/types';

/**
 * Installs the handler table on ipcMain. The only module besides the preload
 * that touches Electron's IPC. Payload validation lives in the handlers, so
 * the preview's HTTP API gets exactly the same checks.
 */
export function registerIpcHandlers(
  table: HandlerTable,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of Object.keys(table) as Channel[]) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return fail({ code: 'untrusted-sender' });
      }
      return table[channel](payload);
    });
  }
}
