import { test, expect } from '@playwright/test';
import { runDifferential } from '../harness/engine-fuzz/differential';
import { describeReport } from '../harness/engine-fuzz/report';

// The differential test of issue #12 in CI: a fixed seed, so a failure names a tree
// that `npm run fuzz:engines -- --seed 12012 --trees 300` reproduces.
const SEED = 12012;
const TREES = 300;

test(`the boot model matches real systemd-sysctl and sysctl --system on ${TREES} random trees (value and winning line)`, async () => {
  test.setTimeout(180_000);
  const report = await runDifferential({ seed: SEED, trees: TREES, workers: 2 });
  console.log(describeReport(report));
  expect(report.errors).toEqual([]);
  expect(report.mismatches).toEqual([]);
  // Every class of the issue is exercised, not just ordinary files.
  for (const [name, c] of Object.entries(report.classes)) {
    expect(c.trees, `trees with class "${name}"`).toBeGreaterThan(0);
  }
  // Every tagged comparison is made, or declined by the model with a cause in the tree.
  expect(report.winnerChecks + report.declinedWinnerChecks).toBe(TREES * 4);
});
