import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

test('the bench runs (quick mode) and its JSON has every field', async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-bench-smoke-'));
  const out = path.join(dir, 'results.json');
  // As `npm run bench` runs it: the bench imports renderer words, whose Lingui macros the
  // loader compiles.
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './scripts/i18n/register-macro-loader.ts',
      'scripts/bench/run.ts',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, BENCH_QUICK: '1', BENCH_OUT: out },
      timeout: 110_000,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('| full state read (15 files) vs sysctl -n');
  const results = JSON.parse(await readFile(out, 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  for (const field of [
    'stateRead',
    'scaling',
    'applyFromClick',
    'apply',
    'authorizations',
    'rendererSize',
    'firstPaint',
    'hostileTree',
    'nodeReads',
    'namespaceListing',
  ]) {
    expect(results[field], field).toBeDefined();
    expect(results[field]?.goal, field).toEqual(expect.any(String));
  }
  expect(results.stateRead).toMatchObject({
    medianMs: expect.any(Number),
    sysctlSpawnMedianMs: expect.any(Number),
    ratio: expect.any(Number),
  });
  expect((results.scaling?.rows as { files: number }[]).map((r) => r.files)).toEqual([
    10, 100, 1000,
  ]);
  expect(results.rendererSize?.gzipKB).toEqual(expect.any(Number));
  // React and the app's own code add up to the whole; what loads first is part of it.
  const size = results.rendererSize as Record<string, number>;
  expect(size.reactGzipKB).toBeGreaterThan(20);
  expect(size.appGzipKB).toBeGreaterThan(5);
  expect(size.initialGzipKB).toBeLessThan(size.gzipKB as number);
  expect(results.machine).toMatchObject({
    cpus: expect.any(Number),
    loadAverage1mBefore: expect.any(Number),
  });
  // Quick mode leaves out the polkit chain and must say so rather than print a number.
  for (const field of ['applyFromClick', 'apply', 'authorizations']) {
    expect(results[field]?.notMeasured, field).toEqual(expect.stringContaining('BENCH_QUICK'));
  }
  expect(run.stdout).toContain('not measured: BENCH_QUICK=1 skips the polkit chain');
  expect(results.firstPaint?.medianMs).toEqual(expect.any(Number));
  expect(results.firstPaint?.ratioToEmpty).toEqual(expect.any(Number));
  expect(results.hostileTree?.stateReadMedianMs).toEqual(expect.any(Number));
  // Two real SSH nodes in namespaces and this computer, read together.
  expect(results.nodeReads?.pairViewMedianMs).toEqual(expect.any(Number));
  expect(run.stdout).toContain('| pair view read: 2 SSH nodes + this computer');
  await rm(dir, { recursive: true });
});
