import { test, expect } from '@playwright/test';
import { bundleForChild } from '../harness/bundle';
import { createSandbox } from '../harness/sandbox';

/**
 * The watches of a confirmed tree (sysctl-read-watch.ts) across mounts, in a sandbox's
 * own mount namespace: a directory and a file bind-mounted into the tree and written
 * through their sources close the gate (the events are the inodes', wherever the write
 * comes from); a tree with an overlay in it is never answered by watches (a write to a
 * lower layer shows no event above), and its reads still show the change. A mount made
 * once the gate is open fires nothing: it shows once the gate's trust time has passed.
 */
test('bind mounts are watched through their sources; an overlay is never trusted to notify', async () => {
  const sandbox = await createSandbox();
  try {
    const cli = await bundleForChild('test/system/fixtures/watch-mounts-cli.ts');
    const run = sandbox.run(process.execPath, [cli, sandbox.scratch], { timeoutMs: 60_000 });
    const steps = JSON.parse(run.stdout) as { step: string; open: boolean; same: boolean }[];
    expect(steps).toEqual([
      { step: 'bound: confirmed', open: true, same: true },
      {
        step: 'bound: a file written in the bound directory, through its source',
        open: false,
        same: true,
      },
      { step: 'bound: open again once settled', open: true, same: true },
      { step: 'bound: the bound file written through its source', open: false, same: true },
      {
        step: 'bound: a file mounted over a kept file, the trust time later',
        open: false,
        same: true,
      },
      { step: 'layered: confirmed', open: false, same: true },
      { step: 'layered: the lower directory written', open: false, same: true },
    ]);
  } finally {
    await sandbox.dispose();
  }
});
