import { plural, select, t } from '@lingui/core/macro';
import type { ChangeReport, RecoveryReport, SettingId } from '../../../electron/contract';
import { formatList } from '../i18n/format';
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

/** The value as a select key: each message words it itself. */
const stateOf = (value: 0 | 1 | null): 'on' | 'off' | 'unavailable' =>
  value === null ? 'unavailable' : value === 0 ? 'off' : 'on';

/** Words for a killed earlier Apply the step resolved first; null when there was none. */
export function recoveryWords(report: RecoveryReport, names: SettingNames): string | null {
  if (report.outcome === 'none') return null;
  const state = formatList(
    Object.entries(report.values).map(([id, v]) => {
      const family = names.family(id);
      const value = stateOf(v);
      return t`${family} is ${select(value, { on: 'on', off: 'off', other: 'unavailable' })}`;
    }),
  );
  const file = report.file;
  if (file === null) {
    return report.outcome === 'completed'
      ? t`An earlier Apply of runtime values had been interrupted; it was completed first: ${state}.`
      : t`An earlier Apply of runtime values had been interrupted; it was rolled back first: ${state} as before it.`;
  }
  return report.outcome === 'completed'
    ? t`An earlier Apply had been interrupted after ${file} was written; it was completed first: ${state}, and ${file} holds its new content.`
    : t`An earlier Apply had been interrupted before ${file} was replaced; it was rolled back first: ${state} as before it, and ${file} is unchanged.`;
}

type FileChange = NonNullable<ChangeReport['file']>;

/** What happened to the file, as one clause: the lines removed, and whether it went. */
function fileWords(file: FileChange): string {
  const { path, removed } = file;
  if (removed.length === 0)
    return file.op === 'deleted' ? t`${path} was removed` : t`${path} was written`;
  const total = removed.reduce((n, r) => n + r.lines, 0);
  const keys = formatList(removed.map((r) => r.key));
  if (file.op === 'deleted') {
    if (total === 1)
      return t`the ${keys} line was removed from ${path}, which set nothing else and was deleted`;
    return removed.length === 1
      ? plural(total, {
          one: `the # ${keys} line was removed from ${path}, which set nothing else and was deleted`,
          other: `the # ${keys} lines were removed from ${path}, which set nothing else and was deleted`,
        })
      : t`the ${keys} lines were removed from ${path}, which set nothing else and was deleted`;
  }
  if (total === 1) return t`the ${keys} line was removed from ${path}`;
  return removed.length === 1
    ? plural(total, {
        one: `the # ${keys} line was removed from ${path}`,
        other: `the # ${keys} lines were removed from ${path}`,
      })
    : t`the ${keys} lines were removed from ${path}`;
}

/** One setting's value after the Apply, as one clause. */
function settingClause(
  label: string,
  kind: ChangeReport['settings'][number]['kind'],
  value: 0 | 1 | null,
): string {
  const state = stateOf(value);
  return kind === 'now'
    ? t`${label} is now ${select(state, { on: 'on', off: 'off', other: 'unavailable' })}`
    : t`${label} is still ${select(state, { on: 'on', off: 'off', other: 'unavailable' })}`;
}

/** The clauses as one sentence: "A; B; C." with its first letter a capital. */
function clausesSentence(clauses: readonly string[]): string {
  const text = `${clauses.join('; ')}.`;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What changed, in one or two sentences: a recovery first, then the values and the file. */
export function changeReportWords(report: ChangeReport, names: SettingNames): string {
  const clauses = [
    ...report.settings.map((s) => settingClause(names.label(s.id), s.kind, s.value)),
    ...(report.file ? [fileWords(report.file)] : []),
  ];
  const changes =
    clauses.length === 0
      ? t`Nothing needed changing: the system already had these values.`
      : clausesSentence(clauses);
  const recovery = report.recovery ? recoveryWords(report.recovery, names) : null;
  return recovery ? `${recovery} ${changes}` : changes;
}
