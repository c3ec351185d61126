import { select, t } from '@lingui/core/macro';
import type { BootConflict, ConflictFix } from '../../../electron/contract';
import { bootNoteWords } from './boot-note-words';
import { kernelRefusalWords } from './kernel-refusal-words';
import { unworded } from './unworded';

/*
 * A change that would not stick at boot, in words: under which engine, which line wins
 * instead, and the way out. Each engine's sentence is whole (a select on the engine).
 */

/** Engine and command names, never translated (backticks draw them as code). */
const systemdSysctl = 'systemd-sysctl';
const sysctlSystem = '`sysctl --system`';
const procps = 'procps';

/** Why the value would not stick under the conflict's engine. */
export function conflictWords(conflict: BootConflict): string {
  const { cause, key, target, wanted, engine } = conflict;
  switch (cause.kind) {
    case 'later-value': {
      const { path, line, value } = cause;
      return select(engine, {
        systemd: `At boot (${systemdSysctl}), ${path} line ${line} sets ${key} to ${value} after ${target}, so your value ${wanted} would not stick.`,
        other: `With ${sysctlSystem} (${procps}), ${path} line ${line} sets ${key} to ${value} after ${target}, so your value ${wanted} would not stick.`,
      });
    }
    case 'rejected': {
      const { path, line, value } = cause;
      const reason = kernelRefusalWords(cause.refusal);
      return select(engine, {
        systemd: `At boot (${systemdSysctl}), ${path} line ${line} writes "${value}", which the kernel rejects (${reason}), after ${target}, so your value ${wanted} would not stick.`,
        other: `With ${sysctlSystem} (${procps}), ${path} line ${line} writes "${value}", which the kernel rejects (${reason}), after ${target}, so your value ${wanted} would not stick.`,
      });
    }
    case 'cancelled': {
      const { path, line } = cause;
      return select(engine, {
        systemd: `At boot (${systemdSysctl}), ${path} line ${line} ("-" and no "=") leaves ${key} unset, whatever ${target} says, so your value ${wanted} would not stick.`,
        other: `With ${sysctlSystem} (${procps}), ${path} line ${line} ("-" and no "=") leaves ${key} unset, whatever ${target} says, so your value ${wanted} would not stick.`,
      });
    }
    case 'note': {
      // The engine's note, worded from the backend's data.
      const note = cause.noteData ? bootNoteWords(cause.noteData) : null;
      if (note === null)
        return select(engine, {
          systemd: `At boot (${systemdSysctl}), ${target} does not end up setting ${key}, so your value ${wanted} would not stick.`,
          other: `With ${sysctlSystem} (${procps}), ${target} does not end up setting ${key}, so your value ${wanted} would not stick.`,
        });
      return select(engine, {
        systemd: `At boot (${systemdSysctl}), ${note}, so your value ${wanted} would not stick.`,
        other: `With ${sysctlSystem} (${procps}), ${note}, so your value ${wanted} would not stick.`,
      });
    }
    default:
      return unworded(cause, 'boot-conflict');
  }
}

/** Paths and commands, never translated. */
const sysctlConf = '/etc/sysctl.conf';

/** The way out, as the note offers it beside its button. */
export function conflictFixWords(fix: ConflictFix): string {
  switch (fix.kind) {
    case 'sysctl-conf':
      return t`Write it into ${sysctlConf} instead: the app changes only the line for this key there, which wins under both engines (no later file name can beat ${sysctlConf} under ${sysctlSystem}).`;
    case 'edit-file': {
      const path = fix.path;
      return t`Write it into ${path} instead: the app changes only the lines that set this key and keeps every other byte of the file.`;
    }
    case 'later-file': {
      const path = `/etc/sysctl.d/${fix.name}`;
      const after = fix.after;
      return after
        ? t`Use ${path}, which sorts after ${after} and so is applied later by both engines.`
        : t`Use ${path}, which sorts after every other file and so is applied last by both engines.`;
    }
    default:
      return unworded(fix, 'boot-conflict');
  }
}
