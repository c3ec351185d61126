import type { BootConflict, BootEngine, ConflictFix } from '../../../electron/contract';

/*
 * A change that would not stick at boot, in words: under which engine, which line wins
 * instead, and the way out.
 */

const ENGINE_WORDS: Record<BootEngine, string> = {
  systemd: 'At boot (systemd-sysctl)',
  procps: 'With `sysctl --system` (procps)',
};

function causeWords({ cause, key, target }: BootConflict): string {
  switch (cause.kind) {
    case 'later-value':
      return `${cause.path} line ${cause.line} sets ${key} to ${cause.value} after ${target}`;
    case 'rejected':
      return `${cause.path} line ${cause.line} writes "${cause.value}", which the kernel rejects (${cause.reason}), after ${target}`;
    case 'cancelled':
      return `${cause.path} line ${cause.line} ("-" and no "=") leaves ${key} unset, whatever ${target} says`;
    case 'note':
      return cause.note ?? `${target} does not end up setting ${key}`;
    default:
      return unworded(cause);
  }
}

/** Why the value would not stick under the conflict's engine. */
export function conflictWords(conflict: BootConflict): string {
  return `${ENGINE_WORDS[conflict.engine]}, ${causeWords(conflict)}, so your value ${conflict.wanted} would not stick.`;
}

/** The way out, as the note offers it beside its button. */
export function conflictFixWords(fix: ConflictFix): string {
  switch (fix.kind) {
    case 'sysctl-conf':
      return 'Write it into /etc/sysctl.conf instead: the app changes only the line for this key there, which wins under both engines (no later file name can beat /etc/sysctl.conf under `sysctl --system`).';
    case 'edit-file':
      return `Write it into ${fix.path} instead: the app changes only the lines that set this key and keeps every other byte of the file.`;
    case 'later-file':
      return fix.after
        ? `Use /etc/sysctl.d/${fix.name}, which sorts after ${fix.after} and so is applied later by both engines.`
        : `Use /etc/sysctl.d/${fix.name}, which sorts after every other file and so is applied last by both engines.`;
    default:
      return unworded(fix);
  }
}

function unworded(value: never): never {
  throw new Error(`no words for boot conflict ${JSON.stringify(value)}`);
}
