import { t } from '@lingui/core/macro';
import type { BootNote, BootNoteEngine } from '../../../electron/contract';
import { unworded } from './unworded';

/*
 * What decided an engine's outcome at boot in an unusual way, in words (the backend sends
 * a code + data; the diagnostics report keeps its own English). Paths, line numbers, commands
 * and system messages are placeholders, never translated.
 */

/**
 * Engine and command names, never translated. Between backticks so they are drawn as code
 * that does not break at its hyphen (InlineCode), as conflict-words.ts quotes them.
 */
const systemdSysctl = '`systemd-sysctl`';
const sysctlSystem = '`sysctl --system`';
const run = '`/run`';
const cUtf8 = '`C.UTF-8`';

function engineName(engine: BootNoteEngine): string {
  return engine === 'systemd' ? systemdSysctl : sysctlSystem;
}

export function bootNoteWords(note: BootNote): string {
  switch (note.code) {
    case 'credential-passed-in': {
      const path = note.path;
      return t`${path} was passed in at this boot (kernel command line, VM or container); another boot may bring another value`;
    }
    case 'run-emptied': {
      const path = note.path;
      return t`${path} is in ${run}, which is emptied at every boot: it sets the value at the next boot only if something puts it back before ${systemdSysctl} runs`;
    }
    case 'collation': {
      const paths = note.paths.join(', ');
      return t`${sysctlSystem} reads ${paths} in the order the locale sorts them (shown: ${cUtf8}, byte order); another locale may give another value`;
    }
    case 'hidden': {
      const path = note.path;
      return note.engine === 'systemd'
        ? t`${path} is hidden (its name starts with a dot), so ${systemdSysctl} skips it`
        : t`${path} is hidden (its name starts with a dot), yet ${sysctlSystem} applies it`;
    }
    case 'systemd-stops': {
      const { path, line } = note;
      // The quoted error is systemd's own log text (strerror(ENOBUFS)): translators keep it.
      return t({
        message: `${systemdSysctl} stops reading ${path} at line ${line}: the line is 1 MiB or longer ("No buffer space available"), so that line and every later one are ignored at boot`,
        comment: 'keep "No buffer space available" in English: it is what systemd-sysctl logs',
      });
    }
    case 'negation': {
      const { path, line } = note;
      return t`${path} line ${line} names the key with a leading "-" and no "=": ${systemdSysctl} then sets it from no line at all`;
    }
    case 'fifo': {
      const path = note.path;
      const engine = engineName(note.engine);
      return t`${path} is a named pipe (FIFO): ${engine} blocks opening it and applies nothing at all`;
    }
    case 'cannot-predict':
      return cannotPredictWords(note);
    case 'pattern-through-parent': {
      const { path, line } = note;
      return t`${path} line ${line} is a pattern through "..": which directories it passes depends on this kernel`;
    }
    default:
      return unworded(note, 'boot-note');
  }
}

/** One whole sentence per reason, so each language orders it as it needs. */
function cannotPredictWords(note: Extract<BootNote, { code: 'cannot-predict' }>): string {
  const path = note.path;
  const engine = engineName(note.engine);
  switch (note.why) {
    case 'directory-unlisted':
      return t`Cannot predict what ${engine} leaves: ${path}: the app may not list this directory`;
    case 'too-many-files':
      return t`Cannot predict what ${engine} leaves: ${path}: it holds more files than the app reads`;
    case 'too-large':
      return t`Cannot predict what ${engine} leaves: ${path}: it is larger than the app reads`;
    case 'not-readable':
      return t`Cannot predict what ${engine} leaves: ${path}: the app may not read it`;
    case 'device':
      return t`Cannot predict what ${engine} leaves: ${path}: it is a device, which the engine may read forever`;
    case 'locale-dependent-glob':
      return t`Cannot predict what ${engine} leaves: ${path}: procps globs this name, and what it matches depends on the locale`;
    case 'pattern-through-parent':
      return t`Cannot predict what ${engine} leaves: ${path}: which directories its ".." pattern passes depends on this kernel`;
    default:
      return unworded(note.why, 'boot-note');
  }
}
