// `npm run bench`: measures what the issues set goals for and writes bench/results.json.
// Not part of `npm test`: timings on shared machines are noisy. BENCH_QUICK=1 runs a few
// iterations of the parts that need no polkit, for the smoke test.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureApply } from './measure-apply';
import { measureApplyFromClick } from './measure-apply-ui';
import { measureHostileTree } from './measure-hostile';
import { measureHostileVips, VIP_GOALS } from './measure-vips';
import { measureStepCost } from './measure-step-cost';
import { measureFirstPaint, measureRendererSize } from './measure-renderer';
import { measureNodeReads } from './measure-nodes';
import { measureNamespaceListing, NETNS_GOALS } from './measure-netns';
import { measureNamespaceRead, namespaceReadResult, namespaceReadRow } from './measure-netns-read';
import { measurePolling } from './measure-polling';
import { measureScaling, measureStateRead } from './measure-state';
import { round } from './stats';

const quick = process.env.BENCH_QUICK === '1';
const outFile = process.env.BENCH_OUT ?? path.resolve('bench/results.json');
const n = (full: number, small: number) => (quick ? small : full);

type NotMeasured = { readonly notMeasured: string };

/** A part that cannot run here reports why instead of a number. */
async function attempt<T>(run: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await run();
  } catch (error) {
    return {
      notMeasured:
        error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
    };
  }
}

// Shared machines: the load around the run says how far to trust the timings.
const loadBefore = os.loadavg()[0] ?? 0;
const skipPolkit: NotMeasured = { notMeasured: 'BENCH_QUICK=1 skips the polkit chain' };
const stateRead = await measureStateRead(n(200, 10));
const scaling = await measureScaling(n(30, 3));
const hostile = await attempt(() => measureHostileTree(n(100_000, 3_000), n(5, 1)));
const hostileVips = await attempt(() => measureHostileVips(n(5, 1)));
const rendererSize = await measureRendererSize(path.resolve('dist'));
const firstPaint = await attempt(() => measureFirstPaint(n(10, 2)));
const elevation = quick ? skipPolkit : await attempt(() => measureApply(20));
const fromClick = quick ? skipPolkit : await attempt(() => measureApplyFromClick(20));
const fromClickPersist = quick
  ? skipPolkit
  : await attempt(() => measureApplyFromClick(20, 'persist'));
const stepCost = quick ? skipPolkit : await attempt(() => measureStepCost(20));
const nodeReads = await attempt(() => measureNodeReads(n(20, 2)));
// Starting 2,000 processes is the point of this one, so the quick smoke run leaves it out.
const namespaceListing: Awaited<ReturnType<typeof measureNamespaceListing>> | NotMeasured = quick
  ? { notMeasured: 'BENCH_QUICK=1 skips the 2,000-process namespace listing' }
  : await attempt(() => measureNamespaceListing(20));
// 30 s idle, then 30 s of the window's live-value polling.
const polling = await attempt(() => measurePolling(n(30, 4)));
// Reading inside 20 namespaces against one Apply, both through the polkit chain.
const namespaceRead = quick ? skipPolkit : await attempt(() => measureNamespaceRead(20));
const applyBackend = 'notMeasured' in elevation ? elevation : elevation.apply;
// The goal: click to verified at most 3x one bare pkexec by the same user.
const pkexecRatio =
  'medianMs' in fromClick && 'pkexecTrue' in stepCost
    ? round(fromClick.medianMs / stepCost.pkexecTrue.medianMs, 2)
    : null;
const persistRatio =
  'medianMs' in fromClickPersist && 'pkexecTrue' in stepCost
    ? round(fromClickPersist.medianMs / stepCost.pkexecTrue.medianMs, 2)
    : null;
const authorizations = 'notMeasured' in elevation ? elevation : elevation.authorizations;

const at = (files: number) => scaling.find((r) => r.files === files)?.medianMs ?? Number.NaN;
const growth1000over100 = at(1000) / at(100);
const perFileAt1000 = scaling.find((r) => r.files === 1000)?.perFileUs ?? Number.NaN;
// The worst time the main thread's event loop was held up during the hostile read.
const hostileStallMs = 'worstEventLoopStallMs' in hostile ? hostile.worstEventLoopStallMs : null;
const results = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpus: os.cpus().length,
    loadAverage1mBefore: Number(loadBefore.toFixed(2)),
    loadAverage1mAfter: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  },
  stateRead: { ...stateRead, goal: 'ratio >= 30', met: stateRead.ratio >= 30 },
  scaling: {
    rows: scaling,
    growth1000over100: Number(growth1000over100.toFixed(2)),
    goal: '<= 10 us per file at 1,000 files, linear',
    // Linear: ten times the files costs at most ten times the time (plus noise).
    met: perFileAt1000 <= 10 && growth1000over100 <= 12,
  },
  applyFromClick: {
    ...fromClick,
    goal: '<= 300 ms median of 20',
    ...('medianMs' in fromClick ? { met: fromClick.medianMs <= 300 } : {}),
  },
  applyVsPkexecTrue: {
    pkexecTrue: 'pkexecTrue' in stepCost ? stepCost.pkexecTrue : stepCost,
    ratio: pkexecRatio,
    goal: 'Apply click to verified <= 3x pkexec --disable-internal-agent /bin/true',
    ...(pkexecRatio === null ? {} : { met: pkexecRatio <= 3 }),
  },
  applyPersistingVsPkexecTrue: {
    fromClick: fromClickPersist,
    ratio: persistRatio,
    goal: 'persisting Apply click to verified <= 3x pkexec --disable-internal-agent /bin/true',
    ...(persistRatio === null ? {} : { met: persistRatio <= 3 }),
  },
  processesPerApply: 'processesPerApply' in stepCost ? stepCost.processesPerApply : stepCost,
  // For comparison only: the handler's share of an Apply that also writes sysctl.d.
  apply: { ...applyBackend, goal: 'none (informational, persisting Apply without the UI)' },
  authorizations: {
    ...authorizations,
    goal: 'exactly 1 per Apply',
    ...('allExactlyOne' in authorizations ? { met: authorizations.allExactlyOne } : {}),
  },
  hostileTree: {
    ...hostile,
    goal: 'state read < 2 s with every trap laid out, worst main-thread stall < 50 ms',
    ...('stateReadMedianMs' in hostile && hostileStallMs !== null
      ? { met: hostile.stateReadMedianMs < 2000 && hostileStallMs < 50 }
      : {}),
  },
  hostileVips: {
    ...hostileVips,
    goal: `each discovery of the hostile VIP set < ${VIP_GOALS.wallMs} ms, < ${VIP_GOALS.peakRssMb} MB peak RSS, no stall > ${VIP_GOALS.stallMs} ms`,
  },
  nodeReads: {
    ...nodeReads,
    goal: 'pair view (2 nodes + this computer, together) <= one SSH read per node + the local read',
  },
  namespaceListing: {
    goal: `<= ${NETNS_GOALS.medianMs} ms median with ${NETNS_GOALS.processes} processes; stall < ${NETNS_GOALS.stallMs} ms`,
    ...namespaceListing,
  },
  livePolling: {
    ...polling,
    goal: 'state:get every 2 s costs the backend <= 1% of one core',
    ...('costCorePercent' in polling ? { met: polling.costCorePercent <= 1 } : {}),
  },
  namespaceRead: namespaceReadResult(namespaceRead),
  // Issue 20: the goal is what loads for the first paint, in German as in English.
  rendererSize: {
    ...rendererSize,
    goal: '<= 70 KB gzipped before first paint (German and English)',
    met: Math.max(rendererSize.initialGzipKB, rendererSize.initialGzipKBEnglish) <= 70,
  },
  firstPaint: {
    ...firstPaint,
    goal: '<= 2x an empty page from the same origin (median of 10), in English and German',
    ...('ratioToEmpty' in firstPaint ? { met: firstPaint.ratioToEmpty <= 2 } : {}),
  },
};
await mkdir(path.dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);

const timing = (m: { medianMs: number; runs: number } | NotMeasured) =>
  'notMeasured' in m ? `not measured: ${m.notMeasured}` : `${m.medianMs} ms (median of ${m.runs})`;
const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');
const rows: [string, string, string, string][] = [
  [
    'full state read (15 files) vs sysctl -n',
    `${stateRead.medianMs} ms vs ${stateRead.sysctlSpawnMedianMs} ms = ${stateRead.ratio}x; all changed: ${stateRead.coldMedianMs} ms = ${stateRead.coldRatio}x`,
    '>= 30x',
    verdict(results.stateRead.met),
  ],
  ['whole UI state (+ sysctl.d listing)', `${stateRead.wholeUiStateMedianMs} ms`, '', ''],
  ...scaling.map((r): [string, string, string, string] => [
    `state read, ${r.files} sysctl.d files`,
    `${r.medianMs} ms (${r.perFileUs} us/file); all changed: ${r.coldMedianMs} ms (${r.coldPerFileUs} us/file)`,
    r.files === 1000 ? '<= 10 us/file' : '',
    r.files === 1000 ? verdict(perFileAt1000 <= 10) : '',
  ]),
  [
    'growth 100 -> 1,000 files',
    `${results.scaling.growth1000over100}x for 10x files`,
    'linear',
    verdict(growth1000over100 <= 12),
  ],
  [
    'Apply now-only, click to verified (UI)',
    timing(fromClick),
    '<= 300 ms',
    verdict(results.applyFromClick.met),
  ],
  [
    'Apply click to verified / pkexec /bin/true',
    pkexecRatio === null
      ? 'not measured'
      : `${pkexecRatio}x (pkexec /bin/true ${'pkexecTrue' in stepCost ? stepCost.pkexecTrue.medianMs : '?'} ms)`,
    '<= 3x',
    verdict(results.applyVsPkexecTrue.met),
  ],
  [
    'Apply persisting, click to verified / pkexec /bin/true',
    persistRatio === null
      ? timing(fromClickPersist)
      : `${persistRatio}x (${timing(fromClickPersist)})`,
    '<= 3x',
    verdict(results.applyPersistingVsPkexecTrue.met),
  ],
  [
    'processes per Apply (runtime / persisting)',
    'processesPerApply' in stepCost
      ? `sudo-prompt ${stepCost.processesPerApply.runtimeOnly} / ${stepCost.processesPerApply.persisting}; packaged helper ${stepCost.processesPerApply.viaPackagedHelper.runtimeOnly} / ${stepCost.processesPerApply.viaPackagedHelper.persisting}`
      : 'not measured',
    'persisting <= 8 (helper)',
    'processesPerApply' in stepCost
      ? verdict(stepCost.processesPerApply.viaPackagedHelper.persisting <= 8)
      : '',
  ],
  ['Apply persisting, backend call to read-back', timing(applyBackend), '', ''],
  [
    'authentications per Apply',
    'notMeasured' in authorizations
      ? `not measured: ${authorizations.notMeasured}`
      : `${authorizations.allExactlyOne ? 'exactly 1' : 'NOT always 1'} in all ${authorizations.combinations} combinations`,
    'exactly 1',
    verdict(results.authorizations.met),
  ],
  [
    'state read, hostile tree (FIFO, /dev/zero, 300 MB, loop, many files, glob bombs)',
    'stateReadMedianMs' in hostile
      ? `${hostile.stateReadMedianMs} ms with ${hostile.files} files; VIPs ${hostile.vipDiscoveryMedianMs} ms; worst stall ${hostile.worstEventLoopStallMs} ms`
      : `not measured: ${hostile.notMeasured}`,
    '< 2 s, stall < 50 ms',
    verdict(results.hostileTree.met),
  ],
  ...('notMeasured' in hostileVips
    ? [
        ['VIP discovery, hostile set', `not measured: ${hostileVips.notMeasured}`, '', ''] as [
          string,
          string,
          string,
          string,
        ],
      ]
    : hostileVips.scenarios.map((r): [string, string, string, string] => [
        `VIP discovery, hostile: ${r.name}`,
        `${r.wallMedianMs} ms (max ${r.wallMaxMs} of ${r.runs}); peak RSS ${r.peakRssMaxMb} MB; worst stall ${r.busyStallMaxMs} ms busy (${r.lateTickMaxMs} ms late tick); stopped by ${r.stoppedBy}`,
        `< ${VIP_GOALS.wallMs} ms, < ${VIP_GOALS.peakRssMb} MB, < ${VIP_GOALS.stallMs} ms`,
        verdict(r.met),
      ])),
  [
    'pair view read: 2 SSH nodes + this computer',
    'notMeasured' in nodeReads
      ? `not measured: ${nodeReads.notMeasured}`
      : `${nodeReads.pairViewMedianMs} ms together; alone ${nodeReads.nodeAMedianMs} + ${nodeReads.nodeBMedianMs} + ${nodeReads.localMedianMs} ms`,
    '<= sum of one read each',
    'notMeasured' in nodeReads ? '' : verdict(nodeReads.met),
  ],
  [
    'network namespaces listed, 2,000 processes',
    'notMeasured' in namespaceListing
      ? `not measured: ${namespaceListing.notMeasured}`
      : `${namespaceListing.medianMs} ms median (max ${namespaceListing.maxMs}) over ${namespaceListing.processes} processes, ${namespaceListing.namespaces} namespaces; worst stall ${namespaceListing.worstEventLoopStallMs} ms`,
    '<= 100 ms, stall < 50 ms',
    'notMeasured' in namespaceListing ? '' : verdict(namespaceListing.met),
  ],
  [
    'live values: polling state:get every 2 s, backend CPU',
    'costCorePercent' in polling
      ? `${polling.costCorePercent}% of one core (${polling.pollingCorePercent}% polling vs ${polling.idleCorePercent}% idle over ${polling.seconds} s; ${polling.cpuMsPerRead} ms CPU a read)`
      : `not measured: ${polling.notMeasured}`,
    '<= 1% of one core',
    verdict(results.livePolling.met),
  ],
  namespaceReadRow(namespaceRead),
  [
    'renderer JS gzipped',
    `${rendererSize.initialGzipKB} KB before first paint in German (${rendererSize.initialGzipKBEnglish} in English; catalog ${rendererSize.catalogGzipKB.de} KB); all ${rendererSize.gzipKB} KB (${rendererSize.rawKB} KB raw): React ${rendererSize.reactGzipKB} KB, the app ${rendererSize.appGzipKB} KB`,
    '<= 70 KB first paint',
    verdict(results.rendererSize.met),
  ],
  [
    'first contentful paint: app vs empty page',
    'ratioToEmpty' in firstPaint
      ? `en ${firstPaint.byLocale.en.medianMs} ms, de ${firstPaint.byLocale.de.medianMs} ms vs ${firstPaint.emptyMedianMs} ms = ${firstPaint.byLocale.en.ratioToEmpty}x / ${firstPaint.byLocale.de.ratioToEmpty}x (median of ${firstPaint.runs})`
      : timing(firstPaint),
    '<= 2x',
    verdict(results.firstPaint.met),
  ],
];
const header: [string, string, string, string] = ['measure', 'result', 'goal', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(
  `\n${results.machine.cpus} CPUs, 1-minute load average ${results.machine.loadAverage1mBefore} before, ${results.machine.loadAverage1mAfter} after`,
);
console.log(`written: ${outFile}`);
