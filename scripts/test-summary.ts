// Reads Playwright's JSON report and prints the closing `N passed, N failed` line.
// With CI=true a skipped test is a failure, except the Electron-binary test,
// whose binary cannot be downloaded on machines without Electron's host.
import { existsSync, readFileSync } from 'node:fs';

interface ReportTest {
  readonly status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  readonly projectName: string;
}
interface ReportSpec {
  readonly title: string;
  readonly file: string;
  readonly tests: readonly ReportTest[];
}
interface ReportSuite {
  readonly specs?: readonly ReportSpec[];
  readonly suites?: readonly ReportSuite[];
}

const ALLOWED_SKIP_PREFIX = 'electron binary:';
const reportPath = process.argv[2] ?? 'test-results/report.json';
const extraFailures = Number(process.argv[3] ?? '0');
const strict = process.env.CI === 'true';

function* specsOf(suite: ReportSuite): Generator<ReportSpec> {
  for (const spec of suite.specs ?? []) yield spec;
  for (const child of suite.suites ?? []) yield* specsOf(child);
}

let passed = 0;
let failed = extraFailures;
let skipped = 0;
if (!existsSync(reportPath)) {
  console.log(`No test report at ${reportPath}: the test run did not start.`);
  failed += 1;
} else {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { suites: ReportSuite[] };
  for (const suite of report.suites) {
    for (const spec of specsOf(suite)) {
      for (const t of spec.tests) {
        if (t.status === 'expected' || t.status === 'flaky') passed += 1;
        else if (t.status === 'unexpected') failed += 1;
        else if (strict && !spec.title.startsWith(ALLOWED_SKIP_PREFIX)) {
          console.log(`Skipped under CI=true counts as failed: ${spec.file} › ${spec.title}`);
          failed += 1;
        } else skipped += 1;
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
