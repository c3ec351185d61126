import { test, expect } from '@playwright/test';
import {
  bindResultBase,
  isAnyAddress,
  isLocalAddress,
  type BindTarget,
} from '../../../electron/system/bind-test';
import { bindTestWords } from '../../../renderer/src/words/bind-test-words';

/** The words the app shows for a listen that worked on `target`. */
const describeWorks = (target: BindTarget, local: boolean) =>
  bindTestWords({ ...bindResultBase(target, local), outcome: 'works' });

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

test('the any-address, in every spelling, is told apart from loopback and own addresses', () => {
  for (const address of ['0.0.0.0', '::', '0:0::0', '::0']) {
    expect(isAnyAddress(address), address).toBe(true);
    expect(describeWorks({ address, port: 0, family: 'IPv4' }, true), address).toBe(
      "works: this is the any-address (all of this computer's addresses), which never needs non-local bind",
    );
  }
  for (const address of ['127.0.0.1', '::1', '192.0.2.2']) {
    expect(isAnyAddress(address), address).toBe(false);
    expect(describeWorks({ address, port: 0, family: 'IPv4' }, true), address).toContain(
      'belongs to this computer',
    );
  }
});
