import type { BootNote, BootNoteEngine, UnpredictableCode } from '../../contract/boot-note';
import type { KernelRefusal } from '../../contract/kernel-refusal';

/*
 * The engines' notes and the kernel's refusals in English, for the diagnostics report
 * (English on purpose): the engines give only the data (key-outcome.ts, kernel-value.ts),
 * and the window words the same data in the user's language.
 */

const ENGINE_NAME: Record<BootNoteEngine, string> = {
  systemd: 'systemd-sysctl',
  procps: 'sysctl --system',
};

const WHY: Record<UnpredictableCode, string> = {
  'directory-unlisted': 'the app may not list this directory',
  'too-many-files': 'it holds more files than the app reads',
  'too-large': 'it is larger than the app reads',
  'not-readable': 'the app may not read it',
  device: 'it is a device, which the engine may read forever',
  'locale-dependent-glob': 'procps globs this name, and what it matches depends on the locale',
  'pattern-through-parent': 'which directories its ".." pattern passes depends on this kernel',
};

export function noteInEnglish(note: BootNote): string {
  switch (note.code) {
    case 'credential-passed-in':
      return `${note.path} was passed in at this boot (kernel command line, VM or container); another boot may bring another value`;
    case 'run-emptied':
      return `${note.path} is in /run, which is emptied at every boot: it sets the value at the next boot only if something puts it back before systemd-sysctl runs`;
    case 'collation':
      return `sysctl --system reads ${note.paths.join(', ')} in the order the locale sorts them (shown: C.UTF-8, byte order); another locale may give another value`;
    case 'hidden':
      return note.engine === 'systemd'
        ? `${note.path} is hidden (its name starts with a dot), so systemd-sysctl skips it`
        : `${note.path} is hidden (its name starts with a dot), yet sysctl --system applies it`;
    case 'systemd-stops':
      return `systemd-sysctl stops reading ${note.path} at line ${note.line}: the line is 1 MiB or longer ("No buffer space available"), so that line and every later one are ignored at boot`;
    case 'negation':
      return `${note.path} line ${note.line} names the key with a leading "-" and no "=": systemd-sysctl then sets it from no line at all`;
    case 'fifo':
      return `${note.path} is a named pipe (FIFO): ${ENGINE_NAME[note.engine]} blocks opening it and applies nothing at all`;
    case 'cannot-predict':
      return `Cannot predict what ${ENGINE_NAME[note.engine]} leaves: ${note.path}: ${WHY[note.why]}`;
    case 'pattern-through-parent':
      return `${note.path} line ${note.line} is a pattern through "..": which directories it passes depends on this kernel`;
  }
}

export function refusalInEnglish(refusal: KernelRefusal): string {
  switch (refusal.code) {
    case 'empty':
      return 'it is empty';
    case 'not-a-number':
      return 'it is not a number';
    case 'too-large':
      return 'the number is too large';
    case 'too-long':
      return 'the number is too long';
    case 'trailing':
      return `"${refusal.character}" follows the number`;
    case 'negative':
      return 'it is negative';
    case 'out-of-range':
      return `it is outside ${refusal.min}–${refusal.max}`;
  }
}
