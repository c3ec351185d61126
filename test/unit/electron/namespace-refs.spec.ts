import { expect, test } from '@playwright/test';
import { resolveNamespaces } from '../../../electron/handlers/namespace-refs';
import type {
  NamespaceListing,
  NamespaceName,
  NetworkNamespaceInfo,
} from '../../../electron/system/netns/netns-types';

/**
 * How the handler enters a namespace the page names by inode: only from a fresh listing,
 * by a plain `ip netns` name the step takes, else by a process seen there; never the app's
 * own, never one not listed, never one with no way in.
 */

const info = (
  inode: number,
  names: readonly NamespaceName[],
  samplePids: readonly number[],
  own = false,
): NetworkNamespaceInfo => ({
  inode,
  own,
  names,
  processCount: samplePids.length,
  samplePids,
  loadBalancers: [],
  containers: [],
});
const named = (name: string, escaped = false): NamespaceName => ({
  source: 'ip-netns',
  name,
  escaped,
});

const listing: NamespaceListing = {
  ok: true,
  ownInode: 1000,
  namespaces: [
    info(1000, [], [1], true),
    info(2001, [named('lab')], [77]),
    info(2002, [named('lab one')], [88]),
    info(2003, [named('a\\x0ab', true)], []),
    info(2004, [{ source: 'docker-netns', name: 'abc123', escaped: false }], [99]),
    info(2005, [named('.hidden')], []),
    info(2006, [], [4410, 4411]),
  ],
  unseen: {
    processes: {},
    exitedDuringScan: 0,
    processesHidden: false,
    cgroups: {},
    nameDirectories: [],
    namedEntries: [],
  },
  truncated: [],
  scannedProcesses: 9,
  elapsedMs: 1,
  scannedOn: 'worker',
};

test('a plain ip netns name first; a name the step refuses, or Docker’s, gives way to a pid', () => {
  const found = resolveNamespaces(listing, [2001, 2002, 2004, 2006]);
  expect(found.ok && found.namespaces.map((n) => n.ref)).toEqual([
    { inode: 2001, via: 'name', name: 'lab' },
    { inode: 2002, via: 'pid', pid: 88 },
    { inode: 2004, via: 'pid', pid: 99 },
    { inode: 2006, via: 'pid', pid: 4410 },
  ]);
});

test('refused by code: the app’s own, one not listed now, one with no way in', () => {
  expect(resolveNamespaces(listing, [2001, 1000])).toEqual({
    ok: false,
    error: { code: 'netns-own', details: 'net:[1000]' },
  });
  expect(resolveNamespaces(listing, [3000])).toEqual({
    ok: false,
    error: { code: 'netns-unknown', details: 'net:[3000]' },
  });
  // An escaped name and one starting with a dot, with no process: nothing to enter by.
  for (const inode of [2003, 2005])
    expect(resolveNamespaces(listing, [inode])).toEqual({
      ok: false,
      error: { code: 'netns-unreachable', details: `net:[${inode}]` },
    });
});
