import { test, expect } from '@playwright/test';
import { createSandbox } from '../harness/sandbox';
import { applyInSandbox } from '../harness/apply-child';
import { bundleForChild } from '../harness/bundle';

test('binding to a virtual IP fails before Apply and works after it, per address family', async () => {
  const sandbox = await createSandbox();
  const probe = await bundleForChild('test/system/fixtures/try-bind.ts');
  const tryBind = () =>
    JSON.parse(
      sandbox.run(process.execPath, [probe, '192.0.2.10', '2001:db8::10']).stdout,
    ) as Record<string, string>;
  try {
    expect(tryBind()).toEqual({ '192.0.2.10': 'EADDRNOTAVAIL', '2001:db8::10': 'EADDRNOTAVAIL' });
    await applyInSandbox(sandbox, { values: { ipv4: 1 }, persistence: { kind: 'runtime' } });
    expect(tryBind()).toEqual({ '192.0.2.10': 'ok', '2001:db8::10': 'EADDRNOTAVAIL' });
    await applyInSandbox(sandbox, { values: { ipv6: 1 }, persistence: { kind: 'runtime' } });
    expect(tryBind()).toEqual({ '192.0.2.10': 'ok', '2001:db8::10': 'ok' });
    await applyInSandbox(sandbox, {
      values: { ipv4: 0, ipv6: 0 },
      persistence: { kind: 'runtime' },
    });
    expect(tryBind()).toEqual({ '192.0.2.10': 'EADDRNOTAVAIL', '2001:db8::10': 'EADDRNOTAVAIL' });
  } finally {
    await sandbox.dispose();
  }
});
