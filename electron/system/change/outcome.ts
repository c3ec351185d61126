import type { ApiError, ChangeReport, RecoveryReport, RuntimeReading } from '../../contract';
import type { StepPlan } from '../privileged-step';
import type { Catalogue } from '../settings';
import type { SysctlSnapshot } from '../sysctl-snapshot';
import { SYSCTL_D } from '../sysctl-d-files';
import { SYSCTL_CONF } from '../sysctl-sources';

/** The file the step changed, as data; null when it left files alone. */
function fileChange(file: StepPlan['file']): ChangeReport['file'] {
  if (file.op === 'none') return null;
  return {
    path: file.op === 'write-conf' ? SYSCTL_CONF : `${SYSCTL_D}/${file.name}`,
    op: file.op === 'delete' ? 'deleted' : 'written',
    removed: file.removed ?? [],
  };
}

/**
 * What really changed: runtime values that differ from before, and the file. After a
 * removal that left the running value alone, it says what that value still is.
 */
export function changeReport(
  plan: StepPlan,
  before: SysctlSnapshot['runtime'],
  recovered: RecoveryReport | null,
  catalogue: Catalogue,
): ChangeReport {
  const removedKeys = new Set(
    plan.file.op === 'none' ? [] : (plan.file.removed ?? []).map((r) => r.key),
  );
  const settings = catalogue.flatMap((s): ChangeReport['settings'] => {
    const v = plan.values[s.id];
    const was: RuntimeReading | undefined = before[s.id];
    if (v === undefined) {
      return removedKeys.has(s.key) && was?.kind === 'value'
        ? [{ id: s.id, kind: 'still', value: was.value }]
        : [];
    }
    if (was?.kind === 'value' && String(was.value) === v) return [];
    return [{ id: s.id, kind: 'now', value: v === '1' ? 1 : 0 }];
  });
  const recovery = recovered?.outcome === 'none' ? null : recovered;
  return { recovery, settings, file: fileChange(plan.file) };
}

/** The report as one plain line for the apply log and diagnostics (a report, not UI words). */
export function changeReportLine(report: ChangeReport): string {
  const recovery = report.recovery
    ? [`recovered an interrupted Apply (${report.recovery.outcome})`]
    : [];
  const settings = report.settings.map((s) => `${s.id} ${s.kind} ${s.value}`);
  const file = report.file
    ? [
        `${report.file.path} was ${report.file.op}${report.file.removed.map((r) => `, ${r.lines} ${r.key} line(s) removed`).join('')}`,
      ]
    : [];
  const all = [...recovery, ...settings, ...file];
  return all.length > 0 ? all.join('; ') : 'nothing needed changing';
}

/**
 * A failed Apply as the diagnostics report's "Last Apply" shows it: a report for support,
 * not the app's words, so the code and its data are written plainly, then the blocks the
 * app offered instead, indented, as the person reading the report would see them.
 */
export function failureReportLine(error: ApiError): string {
  const blocks = (error.alternatives ?? []).flatMap((b) => [
    `    ${Object.values(b.caption).join(' ')}:`,
    ...b.commands.split('\n').map((line) => `      ${line}`),
  ]);
  const data = error.data ? ` ${JSON.stringify(error.data)}` : '';
  return [`not applied (${error.code})${data}`, ...blocks].join('\n');
}
