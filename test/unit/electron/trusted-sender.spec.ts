import { test, expect } from '@playwright/test';
import { isTrustedSenderUrl } from '../../../electron/trusted-sender';
import { readDemoArgument } from '../../../electron/app-args';

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
