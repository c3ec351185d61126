import { test, expect } from '@playwright/test';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { bundleForChild } from '../harness/bundle';
import { FIXTURES, type FixtureTree } from '../support/sysctl-fixtures';

// Real oracles: lay each fixture onto the real paths inside a namespace whose every
// sysctl directory and /etc/sysctl.conf are shadowed, run the real engines, and
// compare the kernel values they leave with the app's prediction.
const KEYS = ['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind'] as const;
const PROC = [
  '/proc/sys/net/ipv4/ip_nonlocal_bind',
  '/proc/sys/net/ipv6/ip_nonlocal_bind',
] as const;

function clear(sandbox: Sandbox): void {
  sandbox.run('sh', [
    '-c',
    'for d in /etc/sysctl.d /run/sysctl.d /usr/local/lib/sysctl.d /usr/lib/sysctl.d; do find "$d" -mindepth 1 -delete; done; : > /etc/sysctl.conf',
  ]);
}

function layOut(sandbox: Sandbox, tree: FixtureTree): void {
  for (const [file, entry] of Object.entries(tree)) {
    if (typeof entry === 'string') sandbox.writeText(file, entry);
    else sandbox.run('ln', ['-sfn', entry.link, file]);
  }
}

function runEngine(sandbox: Sandbox, engine: 'systemd' | 'procps'): string[] {
  for (const p of PROC) sandbox.run('sh', ['-c', `echo 0 > ${p}`]);
  const command = engine === 'systemd' ? ['/lib/systemd/systemd-sysctl'] : ['sysctl', '--system'];
  sandbox.run(command[0] as string, command.slice(1), { allowFailure: true });
  return PROC.map((p) => sandbox.readText(p).trim());
}

test('the predictions match real systemd-sysctl and sysctl --system for every fixture', async () => {
  test.setTimeout(120_000);
  const sandbox = await createSandbox();
  const predict = await bundleForChild('test/system/fixtures/predict-boot-cli.ts');
  try {
    for (const fixture of FIXTURES) {
      clear(sandbox);
      layOut(sandbox, fixture.tree);
      const predicted = JSON.parse(sandbox.run(process.execPath, [predict]).stdout) as Record<
        string,
        string[]
      >;
      for (const engine of ['systemd', 'procps'] as const) {
        const actual = runEngine(sandbox, engine);
        expect(actual, `${fixture.name} (${engine}) ${KEYS.join(', ')}`).toEqual(predicted[engine]);
      }
    }
  } finally {
    await sandbox.dispose();
  }
});
