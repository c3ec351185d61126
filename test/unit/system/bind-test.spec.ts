import { test, expect } from '@playwright/test';
import { isLocalAddress } from '../../../electron/system/bind-test';

test('loopback, the wildcard and the given own addresses are local; others are not', () => {
  const own = ['192.0.2.2', '2001:db8::2'];
  for (const address of ['127.0.0.1', '127.255.0.9', '::1', '0.0.0.0', '::', '192.0.2.2']) {
    expect(isLocalAddress(address, own), address).toBe(true);
  }
  // One spelling per address: the long IPv6 form matches the interface's short one.
  expect(isLocalAddress('2001:0db8:0:0::2', own)).toBe(true);
  for (const address of ['192.0.2.10', '2001:db8::10', '128.0.0.1', '::2']) {
    expect(isLocalAddress(address, own), address).toBe(false);
  }
});
