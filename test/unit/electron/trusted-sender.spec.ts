import { test, expect } from '@playwright/test';
import { isTrustedSender, isTrustedSenderUrl } from '../../../electron/shell/trusted-sender';
import { readDemoArgument } from '../../../electron/shell/app-args';

const index = 'file:///opt/Nonlocal%20Bind/resources/app/dist/renderer/index.html';

test('our own index.html is trusted, with or without fragment', () => {
  expect(isTrustedSenderUrl(index, index)).toBe(true);
  expect(isTrustedSenderUrl(`${index}#x`, index)).toBe(true);
});

test('foreign frames are refused', () => {
  expect(isTrustedSenderUrl('https://evil.example/index.html', index)).toBe(false);
  expect(isTrustedSenderUrl('file:///tmp/index.html', index)).toBe(false);
  expect(isTrustedSenderUrl('about:blank', index)).toBe(false);
  expect(isTrustedSenderUrl('', index)).toBe(false);
  expect(isTrustedSenderUrl('data:text/html,<b>x</b>', index)).toBe(false);
});

test('reads --demo among Chromium switches', () => {
  expect(readDemoArgument(['electron', '.', '--no-sandbox', '--demo', 'fresh'])).toBe('fresh');
  expect(readDemoArgument(['electron', '.', '--demo=drift'])).toBe('drift');
  expect(readDemoArgument(['electron', '.'])).toBeNull();
});

test('look-alike URLs are refused: other host, other file, other scheme, case', () => {
  expect(isTrustedSenderUrl(index.replace('file:///', 'file://evil.example/'), index)).toBe(false);
  expect(isTrustedSenderUrl(index.replace('index.html', 'INDEX.html'), index)).toBe(false);
  expect(isTrustedSenderUrl(index.replace('index.html', 'index.html.evil'), index)).toBe(false);
  expect(isTrustedSenderUrl(index.replace('file:', 'http:'), index)).toBe(false);
  expect(isTrustedSenderUrl('not a url', index)).toBe(false);
  expect(isTrustedSenderUrl(index, 'not a url')).toBe(false);
});

// Stand-ins for Electron objects: the check compares identities and reads one URL.
function ourWindow() {
  const mainFrame = { url: index };
  return { webContents: { mainFrame } };
}

test('the full sender check accepts only our window’s main frame showing our page', () => {
  const win = ourWindow();
  const own = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  expect(isTrustedSender(own, win, index)).toBe(true);
});

test('the full sender check rejects a foreign frame, window or page', () => {
  const win = ourWindow();
  const other = ourWindow();
  const iframe = { url: index };
  // An iframe inside our window, even one showing our own index.html.
  expect(isTrustedSender({ sender: win.webContents, senderFrame: iframe }, win, index)).toBe(false);
  // Another window's main frame.
  expect(
    isTrustedSender(
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      win,
      index,
    ),
  ).toBe(false);
  // Our window's main frame after it navigated away.
  const navigated = { webContents: { mainFrame: { url: 'https://evil.example/' } } };
  expect(
    isTrustedSender(
      { sender: navigated.webContents, senderFrame: navigated.webContents.mainFrame },
      navigated,
      index,
    ),
  ).toBe(false);
  // A destroyed frame (Electron reports null) and a closed window.
  expect(isTrustedSender({ sender: win.webContents, senderFrame: null }, win, index)).toBe(false);
  expect(
    isTrustedSender(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      null,
      index,
    ),
  ).toBe(false);
});
