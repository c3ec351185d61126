import { expect, test } from '@playwright/test';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { errorWords } from '../../../renderer/src/error-words';

/**
 * The docker-haproxy scenario through the app's one backend: its simulated listing (never a
 * scan of this computer) on the namespaces:list channel and in the diagnostics report; a
 * payload where none belongs is refused by the kit.
 */

async function tableOf(name: string) {
  const scenario = findDemoScenario(name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const root = await createDemoRoot(scenario);
  return { table: createHandlerTable(createHandlerDeps({ scenario, root }, 'test')), root };
}

test('docker-haproxy: the container with haproxy, its fix as data, and the report lists them', async () => {
  const { table, root } = await tableOf('docker-haproxy');
  try {
    const answer = await table['namespaces:list'](null);
    if (!answer.ok) throw new Error(errorWords(answer.error));
    expect(answer.value.namespaces.map((n) => [n.inode, n.kind])).toEqual([
      [4026531840, 'own'],
      [4026532601, 'container'],
      [4026532710, 'named'],
    ]);
    expect(answer.value.keys).toEqual(['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind']);
    expect(answer.value.namespaces[1]?.loadBalancers).toMatchObject([
      { program: 'haproxy', pids: [24853, 24854] },
    ]);

    const report = await table['diagnostics:get'](null);
    if (!report.ok) throw new Error(errorWords(report.error));
    const text = report.value.text;
    expect(text).toContain('Network namespaces\n  3 found among 155 processes');
    expect(text).toContain(
      "  net:[4026531840], this app's own, 151 process(es), pids 1 412 415 508\n",
    );
    expect(text).toContain(
      '    container docker 5e6f708192a3 "node-exporter" (from docker-config), host network',
    );
    // What runs inside: the VIPs read from its own configuration, and whether a change lasts.
    expect(text).toContain(
      '      binds 192.0.2.10 port 80 ("/usr/local/etc/haproxy/haproxy.cfg" line 14): not held there, needs ipv4\n',
    );
    expect(text).toContain(
      '      binds 0.0.0.0 port 8404 ("/usr/local/etc/haproxy/haproxy.cfg" line 22): needs no setting\n',
    );
    expect(text).toContain('    survives a restart: no, a runtime change resets on restart\n');
    expect(text).toContain('    load balancer haproxy: pids 24853 24854\n');
    expect(text).toContain('  net:[4026532710], ip netns "lab", 0 process(es)\n');
    // No value is claimed for a namespace the app did not read inside.
    expect(text.match(/ip_nonlocal_bind: not read/g)).toHaveLength(2);

    const refused = await table['namespaces:list']({ inode: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  } finally {
    await root.dispose();
  }
});

test('every other scenario shows the computer’s own namespace only', async () => {
  const { table, root } = await tableOf('fresh');
  try {
    const answer = await table['namespaces:list'](null);
    expect(answer.ok && answer.value.namespaces.map((n) => n.kind)).toEqual(['own']);
  } finally {
    await root.dispose();
  }
});
