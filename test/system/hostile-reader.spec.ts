import { test, expect } from '@playwright/test';
import type { AppState, Envelope, VipDiscovery } from '../../electron/contract';
import { MAX_FILES_PER_DIRECTORY } from '../../electron/system/sysctl-sources';
import { bundleForChild } from '../harness/bundle';
import { layHostileTree } from '../harness/hostile-tree';
import { createSandbox } from '../harness/sandbox';

interface ReadResult {
  readonly stateMs: number;
  readonly vipsMs: number;
  readonly maxEventLoopStallMs: number;
  readonly state: Envelope<AppState>;
  readonly vips: Envelope<VipDiscovery>;
}

test('a hostile system never hangs or exhausts the reader, and every trap is reported in words', async () => {
  test.setTimeout(120_000);
  const sandbox = await createSandbox();
  const cli = await bundleForChild('test/system/fixtures/read-state-cli.ts');
  try {
    layHostileTree(sandbox, MAX_FILES_PER_DIRECTORY + 500);
    // `timeout` is the test's own guard: a hang fails here instead of stalling the run.
    const run = sandbox.run('timeout', ['60', process.execPath, '--max-old-space-size=256', cli], {
      allowFailure: true,
      timeoutMs: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ReadResult;
    if (!result.state.ok || !result.vips.ok) throw new Error(run.stdout.slice(0, 500));
    const problems = result.state.value.boot.problems.join('\n');
    expect(problems).toContain('/etc/sysctl.d/50-fifo.conf: a named pipe (FIFO)');
    expect(problems).toContain('/etc/sysctl.d/60-zero.conf: a device, not a file');
    expect(problems).toContain('/etc/sysctl.d/70-huge.conf: skipped: larger than 4 MiB (300 MiB)');
    expect(problems).toContain('/etc/sysctl.d/80-loop.conf: a loop of symbolic links');
    expect(problems).toContain('/etc/sysctl.d/85-dir.conf: a directory, not a file');
    expect(problems).toContain(
      `/usr/local/lib/sysctl.d: skipped: holds ${MAX_FILES_PER_DIRECTORY + 500} *.conf files`,
    );
    // The engines would read files the reader left out (and block on the FIFO): the
    // prediction says it cannot tell, never a value that may be wrong (issue #22).
    const v4 = result.state.value.boot.settings.find((s) => s.id === 'ipv4');
    expect(v4?.systemd.winner).toBeNull();
    expect(v4?.systemd.unpredictable).toEqual({
      code: 'too-many-files',
      path: '/usr/local/lib/sysctl.d',
    });
    expect(v4?.bootValue).toBeNull();
    const files = result.vips.value.files;
    expect(files).toContainEqual({
      path: '/etc/haproxy/haproxy.cfg',
      status: 'unreadable',
      detail: expect.stringContaining('named pipe') as unknown as string,
    });
    expect(files).toContainEqual({
      path: '/etc/keepalived/keepalived.conf',
      status: 'unreadable',
      detail: expect.stringContaining('device') as unknown as string,
    });
    expect(files).toContainEqual({
      path: '/etc/nginx/fifo.conf',
      status: 'unreadable',
      detail: expect.stringContaining('named pipe') as unknown as string,
    });
    expect(result.vips.value.skipped.map((s) => s.reason).join('\n')).toContain(
      'include /*/*/*/*/*/*/*: not followed, it would list more than',
    );
    // Reads are asynchronous: the event loop (the UI's, in Electron) never stalls for long.
    expect(result.maxEventLoopStallMs).toBeLessThan(1000);
    console.log(
      `hostile tree: state read ${result.stateMs.toFixed(0)} ms, VIP discovery ${result.vipsMs.toFixed(0)} ms, worst event-loop stall ${result.maxEventLoopStallMs.toFixed(0)} ms`,
    );
  } finally {
    await sandbox.dispose();
  }
});
