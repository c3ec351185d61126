import type { AppState, EngineBoot, RuntimeReading } from '../contract';
import { localeReportLine, type ReportedLocale } from './diagnostics-locale';
import { namespaceReportLines } from './netns/namespace-report';
import type { NamespaceListingAnswer } from './netns/netns-types';
import { POLKIT_ACTION_ID, type HelperCheck } from './step-helper';

/** Everything a diagnostics report may contain; nothing else from the system goes in. */
export interface DiagnosticsFacts {
  readonly appVersion: string;
  readonly generatedAt: string;
  readonly kernelRelease: string;
  readonly distribution: string;
  /** The window's language and what asked for it; the report stays English regardless. */
  readonly locale: ReportedLocale | null;
  readonly state: AppState;
  readonly tools: {
    readonly pkexec: string | null;
    readonly sysctl: string | null;
    readonly polkitAgent: string | null;
    /** Whether Apply would use the packaged helper and its named polkit action. */
    readonly namedAction: HelperCheck;
  };
  readonly lastApply: { readonly at: string; readonly summary: string } | null;
  /** The computer's network namespaces (issue 18); the demo's are simulated. */
  readonly namespaces: NamespaceListingAnswer;
}

function runtimeText(r: RuntimeReading): string {
  if (r.kind === 'value') return String(r.value);
  if (r.kind === 'unexpected') return `unexpected content ${JSON.stringify(r.raw)}`;
  return `unavailable (${r.reason}: ${r.detail})`;
}

function engineText(e: EngineBoot): string {
  const notes = e.notes.map((n) => `; ${n}`).join('');
  if (e.unpredictable)
    return `cannot be predicted (${e.unpredictable.code}: ${e.unpredictable.path})${notes}`;
  if (e.winner) return `${e.value} (from ${e.winner.path}:${e.winner.line})${notes}`;
  return e.assignments.length > 0
    ? `every value written is rejected by the kernel (kernel default 0)${notes}`
    : `not set by any file (kernel default 0)${notes}`;
}

/** The plain-text report support staff ask for: facts about these two settings only. */
export function buildDiagnosticsReport(f: DiagnosticsFacts): string {
  const { state } = f;
  const lines: string[] = [
    'Nonlocal Bind diagnostics',
    `Generated: ${f.generatedAt}`,
    `App version: ${f.appVersion}`,
    `Kernel release: ${f.kernelRelease}`,
    `Distribution: ${f.distribution}`,
    localeReportLine(f.locale),
    ...(state.demo ? [`Demo scenario: ${state.demo.scenario} (simulated system)`] : []),
    '',
    'Runtime values',
    ...state.settings.map((s) => `  ${s.key} = ${runtimeText(s.runtime)}`),
    `  IPv6 available: ${state.settings.some((s) => s.family === 'IPv6' && s.runtime.kind === 'unavailable' && s.runtime.reason === 'ipv6-absent') ? 'no (/proc/sys/net/ipv6 is missing)' : 'yes'}`,
    '',
    'Boot values',
  ];
  for (const setting of state.settings) {
    const boot = state.boot.settings.find((b) => b.id === setting.id);
    if (!boot) continue;
    lines.push(`  ${setting.key}`);
    lines.push(`    systemd-sysctl: ${engineText(boot.systemd)}`);
    lines.push(`    sysctl --system: ${engineText(boot.procps)}`);
    if (boot.enginesDisagree) lines.push('    the two engines disagree');
    if (boot.drift) lines.push('    the running value differs from the boot value (drift)');
  }
  lines.push('', 'Lines that set these keys, in systemd-sysctl order');
  const seen = new Set<string>();
  for (const boot of state.boot.settings) {
    for (const a of [
      ...boot.systemd.assignments,
      ...boot.procps.assignments,
      ...boot.systemd.globs,
    ]) {
      const key = state.settings.find((s) => s.id === boot.id)?.key ?? boot.id;
      const rejected =
        'rejected' in a && a.rejected ? ` (the kernel rejects it: ${a.rejected})` : '';
      const line = `  ${a.path}:${a.line}: ${key} = ${a.value}${rejected}`;
      if (!seen.has(line)) {
        seen.add(line);
        lines.push(line);
      }
    }
  }
  if (seen.size === 0) lines.push('  (none)');
  if (state.boot.problems.length > 0) {
    lines.push('', 'Unreadable sources', ...state.boot.problems.map((p) => `  ${p}`));
  }
  lines.push(
    '',
    'Tools',
    `  pkexec: ${f.tools.pkexec ?? 'missing'}`,
    `  sysctl: ${f.tools.sysctl ?? 'missing'}`,
    `  polkit authentication agent: ${f.tools.polkitAgent ? `running (${f.tools.polkitAgent})` : 'none found'}`,
    `  polkit action ${POLKIT_ACTION_ID}: ${f.tools.namedAction.usable ? `used (${f.tools.namedAction.path} is this version's step)` : `not used, the generic pkexec prompt instead (${f.tools.namedAction.reason})`}`,
    '',
    ...namespaceReportLines(f.namespaces),
    '',
    `Last Apply: ${f.lastApply ? `${f.lastApply.at}: ${f.lastApply.summary}` : 'none in this session'}`,
  );
  return `${lines.join('\n')}\n`;
}
