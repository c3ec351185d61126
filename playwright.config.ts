import { defineConfig } from '@playwright/test';
// Unit tests import renderer modules that use Lingui macros: compile them with the real
// macro plugin, as the build does. Every process that loads this config (the runner and
// each worker) registers it.
import './scripts/i18n/register-macro-loader.ts';

/**
 * One runner for every test: pure unit tests, real-system tests in namespaces,
 * and browser/Electron end-to-end tests. The JSON report feeds .ci/run's summary.
 */
export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Visual regression compares against the very PNGs `npm run docs:screenshots` writes.
  snapshotPathTemplate: 'docs/screenshots/{arg}{ext}',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/report.json' }]],
  projects: [
    { name: 'unit', testDir: 'test/unit' },
    { name: 'system', testDir: 'test/system' },
    { name: 'e2e', testDir: 'test/e2e' },
  ],
});
