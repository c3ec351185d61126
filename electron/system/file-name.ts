/**
 * The one rule for the name of a file the app writes or deletes in /etc/sysctl.d.
 *
 * Three readers share it: the planners (a name the user types, a name a node already
 * has), the TypeScript side of the step (buildStepArguments) and the step itself, whose
 * POSIX sh `case` patterns are built from the pieces below (privileged-script.ts), so
 * no planner can propose a name the step would refuse.
 */

/** The first character: a letter or digit, never a dot (hidden) or a dash (an option). */
export const FILE_NAME_FIRST_CHARS = 'A-Za-z0-9';
/** Every character: as a bracket expression's inside, valid both in an ERE and in sh `case`. */
export const FILE_NAME_CHARS = 'A-Za-z0-9._-';
/** sysctl reads only names ending so. */
export const FILE_NAME_SUFFIX = '.conf';
/** Characters (all ASCII, so also bytes). */
export const MAX_FILE_NAME_LENGTH = 200;

export const FILE_NAME_PATTERN = new RegExp(
  `^[${FILE_NAME_FIRST_CHARS}][${FILE_NAME_CHARS}]*${FILE_NAME_SUFFIX.replaceAll('.', '\\.')}$`,
);

/**
 * The default file. `90-` sorts after distribution defaults (`10-`…`50-`) so
 * our value wins over them at boot, but before `99-sysctl.conf`, the usual
 * link to /etc/sysctl.conf, which stays the administrator's last word.
 */
export const DEFAULT_FILE_NAME = '90-nonlocal-bind.conf';

/** Why a name is refused, as data; words are made from it where they are shown. */
export type FileNameRefusal =
  | { readonly code: 'not-text' }
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly length: number; readonly limit: number }
  | { readonly code: 'has-slash' }
  | { readonly code: 'dot-name' }
  | { readonly code: 'bad-first-character' }
  | { readonly code: 'bad-character'; readonly character: string }
  | { readonly code: 'wrong-suffix' };

export type FileNameResult =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly error: FileNameRefusal };

const FIRST = new RegExp(`^[${FILE_NAME_FIRST_CHARS}]`);
const ALLOWED = new RegExp(`^[${FILE_NAME_CHARS}]$`);

export function checkFileName(input: unknown): FileNameResult {
  if (typeof input !== 'string') return { ok: false, error: { code: 'not-text' } };
  const name = input;
  if (name === '') return { ok: false, error: { code: 'empty' } };
  if (name.length > MAX_FILE_NAME_LENGTH)
    return {
      ok: false,
      error: { code: 'too-long', length: name.length, limit: MAX_FILE_NAME_LENGTH },
    };
  if (name.includes('/')) return { ok: false, error: { code: 'has-slash' } };
  if (name === '.' || name === '..') return { ok: false, error: { code: 'dot-name' } };
  if (!FIRST.test(name)) return { ok: false, error: { code: 'bad-first-character' } };
  const bad = [...name].find((c) => !ALLOWED.test(c));
  if (bad !== undefined) return { ok: false, error: { code: 'bad-character', character: bad } };
  if (!FILE_NAME_PATTERN.test(name)) return { ok: false, error: { code: 'wrong-suffix' } };
  return { ok: true, name };
}

/** A refusal in words, for the name the user typed (`name` is shown only shortened). */
export function fileNameWords(error: FileNameRefusal, name = ''): string {
  switch (error.code) {
    case 'not-text':
      return 'The file name must be text.';
    case 'empty':
      return `Enter a file name, for example ${DEFAULT_FILE_NAME}.`;
    case 'too-long':
      return `The file name is ${error.length} characters long; at most ${error.limit} are allowed.`;
    case 'has-slash':
      return 'Enter only a file name, without "/": the file always goes into /etc/sysctl.d/.';
    case 'dot-name':
      return `"${name}" is not a file name.`;
    case 'bad-first-character':
      return 'The file name must start with a letter or digit (a leading dot or dash hides it or looks like an option).';
    case 'bad-character': {
      const shown = /\s/.test(error.character) ? 'a space' : `"${error.character}"`;
      return `The file name contains ${shown}; use only letters, digits, ".", "_" and "-".`;
    }
    case 'wrong-suffix':
      return `The file name must end in "${FILE_NAME_SUFFIX}"; sysctl ignores other files in /etc/sysctl.d/.`;
  }
}

export type FileNameCheck =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

/** The same check with the refusal in words, for a name the user typed. */
export function validateFileName(input: unknown): FileNameCheck {
  const check = checkFileName(input);
  return check.ok
    ? check
    : { ok: false, message: fileNameWords(check.error, typeof input === 'string' ? input : '') };
}
