import { test, expect } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { errorWords } from '../../../renderer/src/error-words';

test('the diagnostics report has every listed fact and no other line from any file', async () => {
  const scenario = findDemoScenario('conflict-sysctl-conf');
  if (!scenario) throw new Error('scenario missing');
  const root = await createDemoRoot(scenario);
  try {
    const etc = path.join(root.fsRoot, 'etc');
    await writeFile(
      path.join(etc, 'sysctl.d/50-app.conf'),
      '# db password: correct-horse-battery\nvm.secret_token = hunter2\nnet.ipv6.ip_nonlocal_bind = 1\n',
    );
    await writeFile(
      path.join(etc, 'os-release'),
      'NAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nSECRET=nope\n',
    );
    const deps = createHandlerDeps({ scenario, root }, '9.8.7');
    const table = createHandlerTable(deps);
    await table['changes:apply']({ values: { ipv6: 1 }, persistence: { kind: 'runtime' } });
    const answer = await table['diagnostics:get'](null);
    if (!answer.ok) throw new Error(errorWords(answer.error));
    const text = answer.value.text;
    for (const fact of [
      'App version: 9.8.7',
      'Kernel release: ',
      'Distribution: Debian GNU/Linux 12 (bookworm)',
      'net.ipv4.ip_nonlocal_bind = 1',
      'net.ipv6.ip_nonlocal_bind = 1',
      'IPv6 available: yes',
      'systemd-sysctl: 1 (from /etc/sysctl.d/99-zz-ha.conf:1)',
      'sysctl --system: 0 (from /etc/sysctl.conf:3)',
      'the two engines disagree',
      '/etc/sysctl.d/50-app.conf:3: net.ipv6.ip_nonlocal_bind = 1',
      'pkexec: /usr/bin/pkexec',
      'polkit authentication agent: ',
      // The scenario's simulated computer has the packaged app: its helper is this version's.
      "polkit action io.nonlocalbind.app.apply: used (/usr/lib/nonlocal-bind/nonlocal-bind-step is this version's step)",
      'Last Apply: ',
      'applied: ipv6 now 1',
    ]) {
      expect(text, fact).toContain(fact);
    }
    for (const secret of [
      'hunter2',
      'correct-horse',
      'secret_token',
      'SECRET=',
      'kernel.pid_max',
      '# /etc/sysctl.conf',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  } finally {
    await root.dispose();
  }
});
