import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';

async function open(name: string) {
  const scenario = findDemoScenario(name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const root = await createDemoRoot(scenario);
  return { root, table: createHandlerTable(createHandlerDeps({ scenario, root }, 'test')) };
}

test('a granted demo Apply runs the real step on the demo files only, and the root is removed on dispose', async () => {
  const { root, table } = await open('fresh');
  try {
    const answer = await table['changes:apply']({
      values: { ipv4: 1 },
      persistence: { kind: 'persist', fileName: '90-nonlocal-bind.conf', expectedSha256: null },
    });
    expect(answer.ok && answer.value.error).toBeNull();
    const read = (p: string) => readFile(path.join(root.fsRoot, p), 'utf8');
    expect(await read('proc/sys/net/ipv4/ip_nonlocal_bind')).toBe('1\n');
    expect(await read('etc/sysctl.d/90-nonlocal-bind.conf')).toContain(
      'net.ipv4.ip_nonlocal_bind = 1',
    );
  } finally {
    await root.dispose();
  }
  await expect(readFile(path.join(root.fsRoot, 'etc/sysctl.conf'))).rejects.toThrow(/ENOENT/);
});

test('simulated elevation failures leave the demo files byte for byte as they were', async () => {
  for (const name of ['auth-denied', 'no-polkit-agent', 'no-pkexec', 'readonly-proc']) {
    const { root, table } = await open(name);
    try {
      const answer = await table['changes:apply']({
        values: { ipv4: 1 },
        persistence: { kind: 'persist', fileName: '90-nonlocal-bind.conf', expectedSha256: null },
      });
      expect(answer.ok && answer.value.applied, name).toBe(false);
      expect(
        await readFile(path.join(root.fsRoot, 'proc/sys/net/ipv4/ip_nonlocal_bind'), 'utf8'),
      ).toBe('0\n');
      await expect(
        readFile(path.join(root.fsRoot, 'etc/sysctl.d/90-nonlocal-bind.conf')),
        name,
      ).rejects.toThrow(/ENOENT/);
      // The state shown afterwards says which scenario is simulated.
      expect(answer.ok && answer.value.state.demo?.scenario).toBe(name);
    } finally {
      await root.dispose();
    }
  }
});
