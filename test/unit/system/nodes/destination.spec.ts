import { expect, test } from '@playwright/test';
import { errorWords } from '../../../../renderer/src/error-words';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { destinationArgs, parseDestination } from '../../../../electron/system/nodes/destination';
import {
  loadNodes,
  nodeStorePath,
  NodeStoreError,
  saveNodes,
} from '../../../../electron/system/nodes/node-store';

test('accepted destinations become separate argv tokens after --', () => {
  const cases: [string, string[]][] = [
    ['lb-2', ['--', 'lb-2']],
    ['admin@lb-2.example.org', ['-l', 'admin', '--', 'lb-2.example.org']],
    ['admin@192.0.2.7:2222', ['-p', '2222', '-l', 'admin', '--', '192.0.2.7']],
    ['root@[2001:db8::1]:22', ['-p', '22', '-l', 'root', '--', '2001:db8::1']],
  ];
  for (const [text, args] of cases) {
    const d = parseDestination(text);
    if (!d.ok) throw new Error(errorWords(d.error));
    expect(destinationArgs(d.destination)).toEqual(args);
  }
});

test('refused destinations say what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['', /Type an SSH destination/],
    ['-oProxyCommand=touch /tmp/x', /contains a character|not a host name/],
    ['-oProxyCommand=x', /not a host name/],
    ['lb;reboot', /contains a character/],
    ['a b', /contains a character/],
    ['$(id)@lb', /contains a character/],
    ['-x@lb', /not a valid user name/],
    ['admin@lb:0', /outside 1-65535/],
    ['admin@lb:99999', /outside 1-65535/],
    ['admin@lb:ssh', /not a port number/],
    ['admin@2001:db8::1', /in brackets/],
    ['admin@[zz::1]', /not an IPv6 address/],
    ['lb\u00e9', /contains a character/],
    ['x'.repeat(301), /longer than 300/],
  ];
  for (const [text, message] of cases) {
    const d = parseDestination(text);
    expect(d.ok, text).toBe(false);
    if (!d.ok) expect(errorWords(d.error), text).toMatch(message);
  }
});

test('the node list lives in XDG_CONFIG_HOME, holds destinations only, survives a damaged file with an error', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-nodes-'));
  try {
    const file = nodeStorePath({ XDG_CONFIG_HOME: dir });
    expect(file).toBe(path.join(dir, 'nonlocal-bind', 'nodes.json'));
    expect(nodeStorePath({ XDG_CONFIG_HOME: 'relative' })).toBe(
      path.join(os.homedir(), '.config', 'nonlocal-bind', 'nodes.json'),
    );
    expect(await loadNodes(file)).toEqual([]);
    await saveNodes(file, ['lb-1', 'admin@lb-2:2222', 'lb-1']);
    expect(await loadNodes(file)).toEqual(['lb-1', 'admin@lb-2:2222']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      nodes: ['lb-1', 'admin@lb-2:2222'],
    });
    writeFileSync(file, '{"nodes": ["ok-node", "bad node;rm", 7]}');
    expect(await loadNodes(file)).toEqual(['ok-node']);
    writeFileSync(file, '{not json');
    const damaged = await loadNodes(file).catch((e: unknown) => e);
    expect(damaged instanceof NodeStoreError && errorWords(damaged.error)).toMatch(
      /not valid JSON/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
