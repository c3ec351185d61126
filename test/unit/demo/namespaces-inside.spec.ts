import { expect, test } from '@playwright/test';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { errorWords } from '../../../renderer/src/error-words';

/**
 * Reading, changing and binding inside the docker-haproxy scenario's simulated namespaces
 * through the app's one backend: the whole story (not read, off, will fail, turned on,
 * read back, binds) and every refusal the channels give, by code.
 */

const OWN = 4026531840;
const WEB_LB = 4026532601;
const LAB = 4026532710;
const on = (value: 0 | 1) => ({ kind: 'value', value });

async function withTable(
  run: (table: ReturnType<typeof createHandlerTable>) => Promise<void>,
): Promise<void> {
  const scenario = findDemoScenario('docker-haproxy');
  if (!scenario) throw new Error('no docker-haproxy scenario');
  const root = await createDemoRoot(scenario);
  try {
    await run(createHandlerTable(createHandlerDeps({ scenario, root }, 'test')));
  } finally {
    await root.dispose();
  }
}

test('look inside, off, will fail, turn on, read back, the bind test works there only', async () => {
  await withTable(async (table) => {
    const listed = await table['namespaces:list'](null);
    if (!listed.ok) throw new Error(errorWords(listed.error));
    expect(listed.value.insideAuthentication).toBe('none');
    const container = listed.value.namespaces.find((n) => n.inode === WEB_LB);
    // Before anyone looked inside: the VIPs not held there, value unknown; none for the wildcard.
    expect(container?.findings?.map((f) => [f.address, f.setting, f.value])).toEqual([
      ['192.0.2.10', 'ipv4', 'unknown'],
      ['2001:db8::10', 'ipv6', 'unknown'],
    ]);
    expect(container?.lasting).toEqual({ kind: 'resets-on-restart' });

    const read = await table['namespaces:read-inside']({ inodes: [WEB_LB, LAB] });
    if (!read.ok) throw new Error(errorWords(read.error));
    expect(read.value.readings).toEqual([
      { inode: WEB_LB, ok: true, values: { ipv4: on(0), ipv6: on(0) } },
      { inode: LAB, ok: true, values: { ipv4: on(0), ipv6: on(0) } },
    ]);
    expect(read.value.findings).toEqual([
      {
        inode: WEB_LB,
        program: 'haproxy',
        pid: 24853,
        address: '192.0.2.10',
        setting: 'ipv4',
        value: 'off',
        container: { name: 'web-lb', shortId: 'a1b2c3d4e5f6' },
      },
      expect.objectContaining({ address: '2001:db8::10', setting: 'ipv6', value: 'off' }),
    ]);

    const before = await table['namespaces:bind-test']({ inode: WEB_LB, address: '192.0.2.10' });
    expect(before.ok && before.value.results.map((r) => r.outcome)).toEqual(['not-local']);

    const set = await table['namespaces:set']({ inode: WEB_LB, values: { ipv4: 1 } });
    if (!set.ok) throw new Error(errorWords(set.error));
    expect(set.value.reading).toEqual({
      inode: WEB_LB,
      ok: true,
      values: { ipv4: on(1), ipv6: on(0) },
    });
    expect(set.value.findings?.map((f) => f.address)).toEqual(['2001:db8::10']);

    const after = await table['namespaces:bind-test']({ inode: WEB_LB, address: '192.0.2.10' });
    expect(after).toMatchObject({
      ok: true,
      value: { inode: WEB_LB, results: [{ outcome: 'works', via: 'simulated', port: 0 }] },
    });
    // The lab namespace was not changed: the same address does not bind there.
    const lab = await table['namespaces:bind-test']({ inode: LAB, address: '192.0.2.10' });
    expect(lab.ok && lab.value.results.map((r) => r.outcome)).toEqual(['not-local']);
    // Its own address binds whatever the setting.
    const own = await table['namespaces:bind-test']({ inode: LAB, address: '10.200.0.1' });
    expect(own.ok && own.value.results.map((r) => r.outcome)).toEqual(['works']);
  });
});

test('refused by code: the app’s own namespace, one not listed, bad payloads', async () => {
  await withTable(async (table) => {
    const refusals = [
      [table['namespaces:set']({ inode: OWN, values: { ipv4: 1 } }), 'netns-own'],
      [table['namespaces:read-inside']({ inodes: [WEB_LB, OWN] }), 'netns-own'],
      [table['namespaces:read-inside']({ inodes: [4026599999] }), 'netns-unknown'],
      [table['namespaces:bind-test']({ inode: 4026599999, address: '192.0.2.1' }), 'netns-unknown'],
      [table['namespaces:bind-test']({ inode: WEB_LB, address: 'web-lb' }), 'invalid-address'],
      [table['namespaces:set']({ inode: WEB_LB, values: {} }), 'invalid-payload'],
      [table['namespaces:set']({ inode: WEB_LB, values: { ipv4: 2 } }), 'invalid-payload'],
      [table['namespaces:set']({ inode: WEB_LB, values: { ipv5: 1 } }), 'invalid-payload'],
      [table['namespaces:set']({ inode: '4026532601', values: { ipv4: 1 } }), 'invalid-payload'],
      [table['namespaces:read-inside']({ inodes: [] }), 'invalid-payload'],
      [table['namespaces:read-inside']({ inodes: [WEB_LB, WEB_LB] }), 'invalid-payload'],
      [table['namespaces:read-inside']({ inodes: [1.5] }), 'invalid-payload'],
      [table['namespaces:read-inside']({ inodes: [WEB_LB], pid: 1 }), 'invalid-payload'],
      [
        table['namespaces:bind-test']({ inode: WEB_LB, address: '192.0.2.1', pid: 1 }),
        'invalid-payload',
      ],
    ] as const;
    for (const [answer, code] of refusals)
      expect(await answer).toMatchObject({ ok: false, error: { code } });
    // Nothing was changed by any of them.
    const read = await table['namespaces:read-inside']({ inodes: [WEB_LB] });
    expect(read.ok && read.value.readings[0]).toMatchObject({ values: { ipv4: on(0) } });
  });
});
