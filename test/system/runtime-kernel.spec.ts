import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createSandbox } from '../harness/sandbox';
import { bundleForChild } from '../harness/bundle';

test('reads the real kernel values inside a fresh network namespace', async () => {
  const hostBefore = readFileSync('/proc/sys/net/ipv4/ip_nonlocal_bind', 'utf8');
  const sandbox = await createSandbox();
  const cli = await bundleForChild('test/unit/system/read-runtime-cli.ts');
  try {
    const read = () => JSON.parse(sandbox.run(process.execPath, [cli, '/']).stdout) as unknown[];
    expect(read()).toEqual([
      { kind: 'value', value: 0 },
      { kind: 'value', value: 0 },
    ]);
    sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
    expect(read()).toEqual([
      { kind: 'value', value: 1 },
      { kind: 'value', value: 0 },
    ]);
    sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv6/ip_nonlocal_bind']);
    sandbox.run('sh', ['-c', 'echo 0 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
    expect(read()).toEqual([
      { kind: 'value', value: 0 },
      { kind: 'value', value: 1 },
    ]);
    sandbox.run('sh', ['-c', 'echo 7 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
    expect(read()[0]).toEqual({ kind: 'unexpected', raw: '7\n' });
  } finally {
    await sandbox.dispose();
    await rm(path.dirname(cli), { recursive: true });
  }
  expect(readFileSync('/proc/sys/net/ipv4/ip_nonlocal_bind', 'utf8')).toBe(hostBefore);
});
