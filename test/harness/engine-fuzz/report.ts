import type { DifferentialReport } from './differential';

/** The report in Markdown: the counts first, then every mismatch. */
export function describeReport(r: DifferentialReport): string {
  const lines = [
    `# Engine differential: seed ${r.seed}, ${r.trees} trees`,
    '',
    `- Real engine runs: ${r.engineRuns} (systemd-sysctl and \`sysctl --system\`, each tree as written and tagged)`,
    `- Value comparisons (kernel vs model): ${r.valueChecks}`,
    `- Winner comparisons (tagged trees): ${r.winnerChecks}`,
    `- "Cannot predict" answers (each with a cause in the tree): ${r.declined}`,
    `- Mismatches: ${r.mismatches.length} (in ${new Set(r.mismatches.map((m) => m.tree)).size} trees)`,
    `- Errors: ${r.errors.length}`,
    `- Time: ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
    '| Class | Trees | Trees with a mismatch |',
    '| --- | ---: | ---: |',
    ...Object.entries(r.classes).map(
      ([name, c]) => `| ${name} | ${c.trees} | ${c.treesWithMismatch} |`,
    ),
    '',
  ];
  if (r.mismatches.length > 0) {
    lines.push('## Mismatches', '');
    for (const m of r.mismatches.slice(0, 200)) {
      lines.push(`- tree ${m.tree} (${m.variant}), ${m.engine}, ${m.key}: ${m.what}`);
    }
    lines.push('');
  }
  if (r.errors.length > 0)
    lines.push('## Errors', '', ...r.errors.slice(0, 50).map((e) => `- ${e}`), '');
  return `${lines.join('\n')}`;
}
