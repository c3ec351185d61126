/**
 * Something unusual that decided what an engine leaves at boot, as data: the window words
 * it in the user's language (renderer/src/words/boot-note-words.ts), the diagnostics report
 * keeps the English of electron/system/engines/boot-note-english.ts.
 */
export type BootNoteEngine = 'systemd' | 'procps';

/** Why the app cannot tell what an engine leaves. */
export type UnpredictableCode =
  | 'directory-unlisted'
  | 'too-many-files'
  | 'too-large'
  | 'not-readable'
  | 'device'
  | 'locale-dependent-glob'
  | 'pattern-through-parent';

export type BootNote =
  /** A credential passed in at this boot (kernel command line, VM or container). */
  | { readonly code: 'credential-passed-in'; readonly path: string }
  /** The winning file is in /run/sysctl.d, emptied at every boot. */
  | { readonly code: 'run-emptied'; readonly path: string }
  /** Files procps orders by the locale's collation both write the key. */
  | { readonly code: 'collation'; readonly paths: readonly string[] }
  /** A dot file writes the key: systemd-sysctl skips it, procps applies it. */
  | { readonly code: 'hidden'; readonly engine: BootNoteEngine; readonly path: string }
  /** systemd-sysctl stops reading a file at a line of 1 MiB or more. */
  | { readonly code: 'systemd-stops'; readonly path: string; readonly line: number }
  /** A "-key" line with no "=" leaves the key unset under systemd-sysctl. */
  | { readonly code: 'negation'; readonly path: string; readonly line: number }
  /** A named pipe the engine blocks on. */
  | { readonly code: 'fifo'; readonly engine: BootNoteEngine; readonly path: string }
  /** The app cannot tell what the engine leaves, and why. */
  | {
      readonly code: 'cannot-predict';
      readonly engine: BootNoteEngine;
      readonly path: string;
      readonly why: UnpredictableCode;
    }
  /** A pattern through "..": which directories it passes depends on the kernel. */
  | { readonly code: 'pattern-through-parent'; readonly path: string; readonly line: number };
