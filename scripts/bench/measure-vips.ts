import type { VipBudgetName } from '../../electron/contract';
import { bundleForChild } from '../../test/harness/bundle';
import {
  HOSTILE_VIP_SCENARIOS,
  layHostileVipTree,
  selectHostileVipScenario,
  type VipMeasurement,
} from '../../test/harness/hostile-vips';
import { createSandbox } from '../../test/harness/sandbox';
import { median, round } from './stats';

/** The goals for each discovery of the hostile set. */
export const VIP_GOALS = { wallMs: 2_000, peakRssMb: 200, stallMs: 50 } as const;

/**
 * VIP discovery against the hostile load-balancer set (test/harness/hostile-vips.ts) on
 * the real paths in a sandbox, each scenario `runs` times in a fresh node child: wall time,
 * the child's peak RSS, and its worst event-loop stall, both as the time its main thread ran
 * while a tick was late ("busy", what the code caused) and as the late tick itself (which
 * also counts the scheduler running others on a loaded machine).
 */
export async function measureHostileVips(runs: number) {
  const sandbox = await createSandbox();
  const cli = await bundleForChild('test/system/fixtures/measure-vips-cli.ts');
  try {
    layHostileVipTree(sandbox);
    const scenarios = [];
    for (const { name } of HOSTILE_VIP_SCENARIOS) {
      selectHostileVipScenario(sandbox, name);
      const samples: VipMeasurement[] = [];
      for (let i = 0; i < runs; i += 1) {
        const run = sandbox.run('timeout', ['60', process.execPath, cli], { timeoutMs: 90_000 });
        samples.push(JSON.parse(run.stdout) as VipMeasurement);
      }
      const stoppedBy = new Set<VipBudgetName | 'nothing' | 'error'>(
        samples.map((s) => (s.answer.ok ? (s.answer.exhausted?.budget ?? 'nothing') : 'error')),
      );
      const worst = {
        wallMs: Math.max(...samples.map((s) => s.wallMs)),
        peakRssMb: Math.max(...samples.map((s) => s.peakRssMb)),
        busyStallMs: Math.max(...samples.map((s) => s.worstBusyStallMs)),
      };
      scenarios.push({
        name,
        runs,
        stoppedBy: [...stoppedBy].join(' / '),
        wallMedianMs: round(median(samples.map((s) => s.wallMs)), 1),
        wallMaxMs: round(worst.wallMs, 1),
        peakRssMaxMb: round(worst.peakRssMb, 1),
        busyStallMaxMs: round(worst.busyStallMs, 1),
        lateTickMaxMs: round(Math.max(...samples.map((s) => s.worstLateTickMs)), 1),
        met:
          !stoppedBy.has('error') &&
          worst.wallMs < VIP_GOALS.wallMs &&
          worst.peakRssMb < VIP_GOALS.peakRssMb &&
          worst.busyStallMs < VIP_GOALS.stallMs,
      });
    }
    return { scenarios, met: scenarios.every((s) => s.met) };
  } finally {
    await sandbox.dispose();
  }
}
