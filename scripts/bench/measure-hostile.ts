import { bundleForChild } from '../../test/harness/bundle';
import { layHostileTree } from '../../test/harness/hostile-tree';
import { createSandbox } from '../../test/harness/sandbox';
import { median, round } from './stats';

interface ReadResult {
  readonly stateMs: number;
  readonly vipsMs: number;
  readonly maxEventLoopStallMs: number;
}

/**
 * The reader against the traps other people's files can set, laid onto the real
 * paths in a namespace: a FIFO, a /dev/zero link, a 300 MB file, a symlink loop,
 * `files` sysctl.d files, a FIFO as haproxy.cfg and an nginx include FIFO, and
 * globs over the whole disk and with many stars. Goal: a state read under 2 s.
 */
export async function measureHostileTree(files: number, runs: number) {
  const sandbox = await createSandbox();
  const cli = await bundleForChild('test/system/fixtures/read-state-cli.ts');
  try {
    layHostileTree(sandbox, files);
    const results: ReadResult[] = [];
    for (let i = 0; i < runs; i += 1) {
      const run = sandbox.run('timeout', ['60', process.execPath, cli], { timeoutMs: 90_000 });
      results.push(JSON.parse(run.stdout) as ReadResult);
    }
    return {
      files,
      runs,
      stateReadMedianMs: round(median(results.map((r) => r.stateMs)), 1),
      vipDiscoveryMedianMs: round(median(results.map((r) => r.vipsMs)), 1),
      worstEventLoopStallMs: round(Math.max(...results.map((r) => r.maxEventLoopStallMs)), 1),
    };
  } finally {
    await sandbox.dispose();
  }
}
