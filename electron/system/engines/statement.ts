/** The two programs that apply sysctl files: systemd-sysctl at boot, procps `sysctl --system` by hand. */
export type Engine = 'systemd' | 'procps';

/**
 * One line of a sysctl file as one engine reads it: a key with a value, or a
 * key with a leading `-` and no `=` (a "negation").
 *
 * Offsets index the file's bytes (see byte-text.ts). `line` is the 1-based
 * number of the '\n'-separated line the statement starts on, as an editor and
 * `grep -n` count them, whichever line ends the engine itself saw.
 */
export interface Statement {
  readonly line: number;
  /** The statement's text: [start, end), without its line end. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'assignment' | 'negation';
  /** The key after the engine removed the dash and its whitespace, before any normalisation. */
  readonly key: string;
  /** The value after the engine's whitespace stripping; null for a negation. */
  readonly value: string | null;
  /** Where the value sits in the file: [valueStart, valueEnd); both -1 for a negation. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** A leading `-` before a key with `=`: errors setting it are not reported. */
  readonly ignoreFailure: boolean;
}

/** Builds a statement from the stripped key and value spans of one line. */
export function makeStatement(
  text: string,
  line: number,
  span: { readonly start: number; readonly end: number },
  key: { readonly start: number; readonly end: number },
  value: { readonly start: number; readonly end: number } | null,
  ignoreFailure: boolean,
): Statement {
  return {
    line,
    start: span.start,
    end: span.end,
    kind: value ? 'assignment' : 'negation',
    key: text.slice(key.start, key.end),
    value: value ? text.slice(value.start, value.end) : null,
    valueStart: value ? value.start : -1,
    valueEnd: value ? value.end : -1,
    ignoreFailure,
  };
}
