// `npm run bench`: measures what the issues set goals for and writes bench/results.json.
// Not part of `npm test`: timings on shared machines are noisy. BENCH_QUICK=1 runs a few
// iterations of the parts that need no polkit, for the smoke test.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measureApply } from './measure-apply';
import { measureFirstPaint, measureRendererSize } from './measure-renderer';
import { measureScaling, measureStateRead } from './measure-state';

const quick = process.env.BENCH_QUICK === '1';
const outFile = process.env.BENCH_OUT ?? path.resolve('bench/results.json');
const n = (full: number, small: number) => (quick ? small : full);

const stateRead = await measureStateRead(n(200, 10));
const scaling = await measureScaling(n(30, 3));
const rendererSize = await measureRendererSize(path.resolve('dist'));
const firstPaint = await measureFirstPaint(n(10, 2));
const elevation = quick
  ? {
      apply: { notMeasured: 'BENCH_QUICK=1 skips the polkit chain' },
      authorizations: { notMeasured: 'BENCH_QUICK=1 skips the polkit chain' },
    }
  : await measureApply(20);

const growth1000over100 = (scaling[2]?.medianMs ?? 0) / (scaling[1]?.medianMs ?? 1);
const results = {
  date: new Date().toISOString(),
  quick,
  stateRead: { ...stateRead, goal: 'ratio >= 10', met: stateRead.ratio >= 10 },
  scaling: {
    rows: scaling,
    growth1000over100: Number(growth1000over100.toFixed(2)),
    goal: '<= 50 ms at 1,000 files, linear',
    met: (scaling[2]?.medianMs ?? Infinity) <= 50,
  },
  apply: { ...elevation.apply, goal: '<= 300 ms median of 20' },
  authorizations: { ...elevation.authorizations, goal: 'exactly 1 per Apply' },
  rendererSize: { ...rendererSize, goal: '<= 90 KB gzipped', met: rendererSize.gzipKB <= 90 },
  firstPaint: { ...firstPaint, goal: '<= 300 ms median of 10', met: firstPaint.medianMs <= 300 },
};
await mkdir(path.dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);

const applyCell =
  'medianMs' in elevation.apply
    ? `${elevation.apply.medianMs} ms (median of 20)`
    : elevation.apply.notMeasured;
const authCell =
  'allExactlyOne' in elevation.authorizations
    ? `${elevation.authorizations.allExactlyOne ? 'exactly 1' : 'NOT 1'} in all ${elevation.authorizations.combinations} combinations`
    : elevation.authorizations.notMeasured;
const rows: [string, string, string][] = [
  [
    'full state read (15 files)',
    `${stateRead.medianMs} ms vs sysctl -n ${stateRead.sysctlSpawnMedianMs} ms = ${stateRead.ratio}x`,
    '>= 10x',
  ],
  ['whole UI state (+ sysctl.d listing)', `${stateRead.wholeUiStateMedianMs} ms`, ''],
  ...scaling.map((r): [string, string, string] => [
    `read+resolve ${r.files} files`,
    `${r.medianMs} ms (${r.perFileUs} us/file)`,
    r.files === 1000 ? '<= 50 ms' : '',
  ]),
  ['growth 100 -> 1000 files', `${results.scaling.growth1000over100}x for 10x files`, 'linear'],
  ['Apply, click to verified (polkit)', applyCell, '<= 300 ms'],
  ['authentications per Apply', authCell, 'exactly 1'],
  ['renderer JS gzipped', `${rendererSize.gzipKB} KB (${rendererSize.rawKB} KB raw)`, '<= 90 KB'],
  [
    'preview first contentful paint',
    `${firstPaint.medianMs} ms (median of ${firstPaint.runs})`,
    '<= 300 ms',
  ],
];
const width = [34, 58, 10];
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => c.padEnd(width[i] ?? 10)).join(' | ')} |`;
console.log(line(['measure', 'result', 'goal']));
console.log(line(width.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\nwritten: ${outFile}`);
