import { test, expect } from '@playwright/test';
import { chmodSync, chownSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { copyDistForOtherUsers } from '../harness/preview';
import { createSandbox } from '../harness/sandbox';
import { buildElevatedCommand, buildStepArguments } from '../../electron/system/privileged-step';

// Root cannot read a running AppImage's FUSE mount. Simulated honestly: the built app is
// copied into a directory owned by nobody with mode 0700, and "root" runs without the
// capabilities that bypass file permissions, so the bundle is unreadable to it, as on FUSE.
const NO_DAC = [
  '--inh-caps=-dac_override,-dac_read_search',
  '--bounding-set=-dac_override,-dac_read_search',
];

test('the privileged step needs no file from the app bundle', async () => {
  const bundle = await copyDistForOtherUsers();
  chownSync(bundle, 65534, 65534);
  chmodSync(bundle, 0o700);
  const sandbox = await createSandbox();
  try {
    const probe = sandbox.run(
      'setpriv',
      [...NO_DAC, 'cat', path.join(bundle, 'electron', 'main.cjs')],
      {
        allowFailure: true,
      },
    );
    expect(probe.status, 'the bundle must be unreadable for this test to mean anything').not.toBe(
      0,
    );
    expect(probe.stderr).toContain('Permission denied');

    const command = buildElevatedCommand(
      buildStepArguments({
        values: { ipv4: '1', ipv6: '1' },
        file: {
          op: 'write',
          name: '90-nonlocal-bind.conf',
          expectedSha256: null,
          content: 'net.ipv4.ip_nonlocal_bind = 1\n',
        },
      }),
    );
    // Exactly what sudo-prompt runs after pkexec, including its `cd` into the app's directory.
    const result = sandbox.run(
      'setpriv',
      [...NO_DAC, '/bin/sh', '-c', `cd "${bundle}"; /bin/bash -c "echo SUDOPROMPT; ${command}"`],
      { allowFailure: true },
    );
    expect(result.stdout).toContain('nonlocal-bind: applied');
    expect(result.status).toBe(0);
    expect(sandbox.readText('/proc/sys/net/ipv4/ip_nonlocal_bind')).toBe('1\n');
    expect(sandbox.readText('/etc/sysctl.d/90-nonlocal-bind.conf')).toBe(
      'net.ipv4.ip_nonlocal_bind = 1\n',
    );
  } finally {
    await sandbox.dispose();
    await rm(bundle, { recursive: true, force: true });
  }
});
