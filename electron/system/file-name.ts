import type { ApiError, FileNameRefusal } from '../contract';

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

export type { FileNameRefusal };

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

/** The same check with the refusal as the error an answer carries, for a name the user typed. */
export function validateFileName(
  input: unknown,
): { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: ApiError } {
  const check = checkFileName(input);
  if (check.ok) return check;
  const code = 'invalid-file-name';
  const name = typeof input === 'string' ? input.slice(0, MAX_FILE_NAME_LENGTH) : '';
  return {
    ok: false,
    error: { code, data: { from: 'file-name', code, refusal: check.error, name } },
  };
}
