// `npm run fuzz:engines -- --trees N --seed S [--workers W]`: the differential test of the
// boot model against the real systemd-sysctl and `sysctl --system`, on any number of
// seeded random trees, each in a throw-away namespace. Writes a JSON and a Markdown
// report to fuzz-results/. Needs root (namespaces), like the system tests.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runDifferential } from '../../test/harness/engine-fuzz/differential';
import { describeReport } from '../../test/harness/engine-fuzz/report';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i === -1 ? undefined : process.argv[i + 1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, not ${raw}`);
  return n;
}

const trees = option('trees', 200);
const seed = option('seed', Date.now() % 1_000_000);
const workers = Math.max(1, option('workers', 2));
const outDir = path.resolve('fuzz-results');

let last = 0;
const report = await runDifferential({
  seed,
  trees,
  workers,
  onProgress: (done, total) => {
    const percent = Math.floor((done / total) * 10);
    if (percent !== last) {
      last = percent;
      process.stderr.write(`${done}/${total} runs\n`);
    }
  },
});
await mkdir(outDir, { recursive: true });
const base = path.join(outDir, `engines-seed${seed}-trees${trees}`);
await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
const markdown = describeReport(report);
await writeFile(`${base}.md`, markdown);
process.stdout.write(markdown);
process.stdout.write(`\nReports: ${base}.json, ${base}.md\n`);
process.exitCode = report.mismatches.length === 0 && report.errors.length === 0 ? 0 : 1;
