import { test, expect } from '@playwright/test';
import { API_CHANNELS } from '../../../electron/contract';
import { isTrustedSender } from '../../../electron/shell/trusted-sender';
import { runWithFakeElectron } from '../../support/electron-vm';

// Checklist #17 (validate IPC senders), on the real electron/shell/ipc.ts: bundled and run
// with an ipcMain that records what gets registered, then called like Electron would.

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;

async function registerRecorded() {
  const handlers = new Map<string, Handler>();
  const fakeElectron = {
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  };
  const ipc = await runWithFakeElectron({ entry: 'electron/shell/ipc.ts' }, fakeElectron);
  const register = ipc.registerIpcHandlers as (
    table: Record<string, (payload: unknown) => Promise<unknown>>,
    check: (event: unknown) => boolean,
  ) => void;
  const calls: [string, unknown][] = [];
  const table = Object.fromEntries(
    Object.values(API_CHANNELS).map((channel) => [
      channel,
      async (payload: unknown) => {
        calls.push([channel, payload]);
        return { ok: true, value: 'handled' };
      },
    ]),
  );
  const index = 'file:///opt/nb/dist/renderer/index.html';
  const mainFrame = { url: index };
  const window = { webContents: { mainFrame } };
  register(table, (event) =>
    isTrustedSender(event as Parameters<typeof isTrustedSender>[0], window, index),
  );
  return { handlers, calls, window };
}

test('every contract channel is registered, and only those', async () => {
  const { handlers } = await registerRecorded();
  expect([...handlers.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
});

test('a foreign frame gets untrusted-sender and never reaches a handler', async () => {
  const { handlers, calls, window } = await registerRecorded();
  const foreignEvents = [
    { sender: window.webContents, senderFrame: { url: window.webContents.mainFrame.url } },
    { sender: {}, senderFrame: window.webContents.mainFrame },
    { sender: window.webContents, senderFrame: null },
  ];
  for (const [channel, handler] of handlers) {
    for (const event of foreignEvents) {
      const answer = JSON.parse(JSON.stringify(await handler(event, null))) as unknown;
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
  }
  expect(calls).toEqual([]);
});

test('our own main frame reaches exactly its channel’s handler with the payload', async () => {
  const { handlers, calls, window } = await registerRecorded();
  const own = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  for (const [channel, handler] of handlers) {
    calls.length = 0;
    const answer = JSON.parse(JSON.stringify(await handler(own, { probe: channel }))) as unknown;
    expect(answer).toEqual({ ok: true, value: 'handled' });
    expect(calls).toEqual([[channel, { probe: channel }]]);
  }
});
