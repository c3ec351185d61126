/**
 * Validation of the /etc/sysctl.d file name a user picks for persistence.
 *
 * The name ends up as an argument of the privileged step, so it is checked
 * here (for a specific inline message) and again inside that step.
 */
export const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\.conf$/;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The default file. `90-` sorts after distribution defaults (`10-`…`50-`) so
 * our value wins over them at boot, but before `99-sysctl.conf`, the usual
 * link to /etc/sysctl.conf, which stays the administrator's last word.
 */
export const DEFAULT_FILE_NAME = '90-nonlocal-bind.conf';

export type FileNameCheck =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

export function validateFileName(input: unknown): FileNameCheck {
  if (typeof input !== 'string') return { ok: false, message: 'The file name must be text.' };
  const name = input;
  if (name === '')
    return { ok: false, message: 'Enter a file name, for example 90-nonlocal-bind.conf.' };
  if (name.length > MAX_FILE_NAME_LENGTH) {
    return {
      ok: false,
      message: `The file name is ${name.length} characters long; at most ${MAX_FILE_NAME_LENGTH} are allowed.`,
    };
  }
  if (name.includes('/')) {
    return {
      ok: false,
      message: 'Enter only a file name, without "/": the file always goes into /etc/sysctl.d/.',
    };
  }
  if (name === '.' || name === '..') return { ok: false, message: `"${name}" is not a file name.` };
  if (!/^[A-Za-z0-9]/.test(name)) {
    return {
      ok: false,
      message:
        'The file name must start with a letter or digit (a leading dot or dash hides it or looks like an option).',
    };
  }
  const bad = [...name].find((c) => !/[A-Za-z0-9._-]/.test(c));
  if (bad !== undefined) {
    const shown = /\s/.test(bad) ? 'a space' : `"${bad}"`;
    return {
      ok: false,
      message: `The file name contains ${shown}; use only letters, digits, ".", "_" and "-".`,
    };
  }
  if (!name.endsWith('.conf') || name === '.conf') {
    return {
      ok: false,
      message: 'The file name must end in ".conf"; sysctl ignores other files in /etc/sysctl.d/.',
    };
  }
  if (!FILE_NAME_PATTERN.test(name)) return { ok: false, message: 'The file name is not allowed.' };
  return { ok: true, name };
}
