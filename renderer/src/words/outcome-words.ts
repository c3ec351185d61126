import type { ChangeReport, RecoveryReport, SettingId } from '../../../electron/contract';
import { settingWords } from '../setting-words';

/*
 * What an Apply did, in words, from the backend's ChangeReport (codes and data). Pure (no
 * React, no DOM) so tests and any other view word an outcome the same way.
 */

/** How the words name a setting: its label ("IPv4 non-local bind") and family ("IPv4"). */
export interface SettingNames {
  readonly label: (id: SettingId) => string;
  readonly family: (id: SettingId) => string;
}

/**
 * The names from the state's catalogue entries: the label from the setting's words
 * (setting-words.ts), the family from the entry; the id for a setting the state lacks.
 */
export function settingNames(
  settings: readonly { readonly id: SettingId; readonly key?: string; readonly family: string }[],
): SettingNames {
  const find = (id: SettingId) => settings.find((s) => s.id === id);
  return {
    label: (id) => settingWords(id, find(id)?.key).label,
    family: (id) => find(id)?.family ?? id,
  };
}

const onOff = (value: 0 | 1 | null) =>
  value === null ? 'unavailable' : value === 0 ? 'off' : 'on';

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Words for a killed earlier Apply the step resolved first; null when there was none. */
export function recoveryWords(report: RecoveryReport, names: SettingNames): string | null {
  if (report.outcome === 'none') return null;
  const state = listWords(
    Object.entries(report.values).map(([id, v]) => `${names.family(id)} is ${onOff(v)}`),
  );
  if (report.file === null) {
    return report.outcome === 'completed'
      ? `An earlier Apply of runtime values had been interrupted; it was completed first: ${state}.`
      : `An earlier Apply of runtime values had been interrupted; it was rolled back first: ${state} as before it.`;
  }
  return report.outcome === 'completed'
    ? `An earlier Apply had been interrupted after ${report.file} was written; it was completed first: ${state}, and ${report.file} holds its new content.`
    : `An earlier Apply had been interrupted before ${report.file} was replaced; it was rolled back first: ${state} as before it, and ${report.file} is unchanged.`;
}

type FileChange = NonNullable<ChangeReport['file']>;

/** "the K line was", "the N K lines were", "the K1 and K2 lines were". */
function linesWords(removed: FileChange['removed']): string {
  const total = removed.reduce((n, r) => n + r.lines, 0);
  const keys = removed.map((r) => r.key).join(' and ');
  if (total === 1) return `the ${keys} line was`;
  return removed.length === 1 ? `the ${total} ${keys} lines were` : `the ${keys} lines were`;
}

function fileWords(file: FileChange): string {
  if (file.removed.length > 0) {
    const lines = `${linesWords(file.removed)} removed from ${file.path}`;
    return file.op === 'deleted' ? `${lines}, which set nothing else and was deleted` : lines;
  }
  return file.op === 'deleted' ? `${file.path} was removed` : `${file.path} was written`;
}

/** What changed, in one or two sentences: a recovery first, then the values and the file. */
export function changeReportWords(report: ChangeReport, names: SettingNames): string {
  const parts = [
    ...report.settings.map(
      (s) => `${names.label(s.id)} is ${s.kind === 'now' ? 'now' : 'still'} ${onOff(s.value)}`,
    ),
    ...(report.file ? [fileWords(report.file)] : []),
  ];
  const text = `${parts.join('; ')}.`;
  const changes =
    parts.length === 0
      ? 'Nothing needed changing: the system already had these values.'
      : text.charAt(0).toUpperCase() + text.slice(1);
  const recovery = report.recovery ? recoveryWords(report.recovery, names) : null;
  return recovery ? `${recovery} ${changes}` : changes;
}
