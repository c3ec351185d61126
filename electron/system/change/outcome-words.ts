import type { RuntimeReading, SettingId } from '../../contract';
import type { RemovedLines, StepPlan } from '../privileged-step';
import { SETTINGS } from '../settings';
import { SYSCTL_D } from '../sysctl-d-files';
import { SYSCTL_CONF } from '../sysctl-sources';

/** "the net.ipv4.ip_nonlocal_bind line", "the 2 net.ipv4.ip_nonlocal_bind lines", "the … and … lines". */
function linesWord(removed: RemovedLines): string {
  const total = removed.reduce((n, r) => n + r.lines, 0);
  const keys = removed.map((r) => r.key).join(' and ');
  if (total === 1) return `the ${keys} line was`;
  return removed.length === 1 ? `the ${total} ${keys} lines were` : `the ${keys} lines were`;
}

/** What happened to the file, in words; null when the step left it alone. */
function describeFileChange(file: StepPlan['file']): string | null {
  if (file.op === 'none') return null;
  const path = file.op === 'write-conf' ? SYSCTL_CONF : `${SYSCTL_D}/${file.name}`;
  if (file.removed && file.removed.length > 0) {
    const lines = `${linesWord(file.removed)} removed from ${path}`;
    return file.op === 'delete' ? `${lines}, which set nothing else and was deleted` : lines;
  }
  return file.op === 'delete' ? `${path} was removed` : `${path} was written`;
}

/**
 * Words for what really changed: runtime values that differ from before, and the file.
 * After a removal that left the running value alone, it says what that value still is.
 */
export function describeChanges(
  plan: StepPlan,
  before: readonly { id: SettingId; runtime: RuntimeReading }[],
): string {
  const removedKeys = new Set(
    plan.file.op === 'none' ? [] : (plan.file.removed ?? []).map((r) => r.key),
  );
  const parts = SETTINGS.flatMap((s) => {
    const v = plan[s.id];
    const was = before.find((b) => b.id === s.id)?.runtime;
    if (v === '-') {
      return removedKeys.has(s.key) && was?.kind === 'value'
        ? [`${s.label} is still ${was.value === 1 ? 'on' : 'off'}`]
        : [];
    }
    if (was?.kind === 'value' && String(was.value) === v) return [];
    return [`${s.label} is now ${v === '1' ? 'on' : 'off'}`];
  });
  const file = describeFileChange(plan.file);
  const all = [...parts, ...(file ? [file] : [])];
  if (all.length === 0) return 'Nothing needed changing: the system already had these values.';
  const text = `${all.join('; ')}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
