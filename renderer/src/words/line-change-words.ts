import { select, t } from '@lingui/core/macro';
import type { AppState, SettingId, SysctlDFile } from '../../../electron/contract';
import { SYSCTL_CONF_PATH } from '../../../electron/contract';
import { lastingOf } from '../state/persistence-choice';
import { currentValue } from '../state/selectors';
import type { ViewState } from '../state/view-state';

/** The exact line a kept value changes: its place in the file and the value before and after. */
export interface LineChange {
  readonly path: string;
  /** Null: the key has no line there yet, so one is added. */
  readonly line: number | null;
  readonly from: string | null;
  readonly to: string;
  readonly key: string;
}

/** The last line that sets `key` in a file (both engines take the last one). */
function lastLine(file: SysctlDFile | null | undefined, key: string) {
  const lines = file?.keyLines.filter((l) => l.key === key) ?? [];
  return lines[lines.length - 1] ?? null;
}

/** What keeping `id` at boot changes in the file the bar writes, for a kept (not toggled) value. */
export function pendingLineChange(view: ViewState, id: SettingId): LineChange | null {
  const system: AppState | null = view.system;
  const setting = system?.settings.find((s) => s.id === id);
  const wanted = view.pending[id] ?? currentValue(system, id);
  const { kind, boot } = lastingOf(view.persistence);
  if (!system || !setting || wanted === null || kind !== 'persist') return null;
  if (boot.onlyIds !== null && !boot.onlyIds.includes(id)) return null;
  const toConf = boot.kind === 'sysctl-conf';
  const name = boot.file.name ?? system.persistence.defaultFileName;
  const file = toConf
    ? system.persistence.sysctlConf
    : system.persistence.files.find((f) => f.name === name);
  const path = toConf ? SYSCTL_CONF_PATH : `${system.persistence.directory}/${name}`;
  const line = lastLine(file, setting.key);
  return {
    path,
    line: line?.line ?? null,
    from: line?.value ?? null,
    to: String(wanted),
    key: setting.key,
  };
}

/** "line 3 of /etc/sysctl.conf: 0 → 1", or the line a file gets. */
export function lineChangeWords(change: LineChange): string {
  const { path, key, to, line } = change;
  if (line === null) return t`a new line in ${path}: ${key} = ${to}`;
  if (change.from === to) return t`line ${line} of ${path} already says ${to}`;
  const from =
    change.from ?? t({ message: '(no value)', comment: 'a line that sets a key to nothing' });
  return t`line ${line} of ${path}: ${from} → ${to}`;
}

/** The line the conflict fix changes, in words, for the card; null when none waits. */
export function fixLineOf(view: ViewState, id: SettingId): string | null {
  // A value kept in a file of /etc/sysctl.d reads well as "→ on at every boot (pending)";
  // the conflict fix into /etc/sysctl.conf changes someone's line, so it names it.
  if (lastingOf(view.persistence).boot.kind !== 'sysctl-conf') return null;
  const change = pendingLineChange(view, id);
  return change ? lineChangeWords(change) : null;
}

/** Command and path, never translated (backticks draw the command as code). */
const sysctlSystem = '`sysctl --system`';
const sysctlConf = '/etc/sysctl.conf';

/** Why the fix into /etc/sysctl.conf is needed, after the line it changes. */
export function sysctlConfWhyWords(label: string, to: string): string {
  const word = to === '0' ? 'off' : 'on';
  return t`Why: ${sysctlSystem} reads ${sysctlConf} after every other file, so its line decides; with it saying ${to}, both ways of loading the files leave ${label} ${select(word, { off: 'off', other: 'on' })}.`;
}
