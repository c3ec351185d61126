import { plural, t } from '@lingui/core/macro';
import type { ApiErrorData, FileNameRefusal } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { unworded } from './unworded';

/*
 * Words about the file an Apply would write: a refused name, and a name that would hide
 * another file at boot. Pure, from the backend's data.
 */

/** The shape of a name the app writes, as the refusals describe it; paths and characters. */
const exampleName = '90-nonlocal-bind.conf';
const suffix = '".conf"';
const slash = '"/"';
const sysctlD = '/etc/sysctl.d/';
const sysctl = 'sysctl';
const allowedPunctuation = { dot: '"."', underscore: '"_"', dash: '"-"' } as const;

/** A refused file name in words, for the name the user typed (`name` is shown only shortened). */
export function fileNameWords(refusal: FileNameRefusal, name = ''): string {
  switch (refusal.code) {
    case 'not-text':
      return t`The file name must be text.`;
    case 'empty':
      return t`Enter a file name, for example ${exampleName}.`;
    case 'too-long': {
      const { length, limit } = refusal;
      return t`The file name is ${length} characters long; at most ${limit} are allowed.`;
    }
    case 'has-slash':
      return t`Enter only a file name, without ${slash}: the file always goes into ${sysctlD}.`;
    case 'dot-name': {
      const shortened = name.slice(0, 80);
      return t`"${shortened}" is not a file name.`;
    }
    case 'bad-first-character':
      return t`The file name must start with a letter or digit (a leading dot or dash hides it or looks like an option).`;
    case 'bad-character': {
      const { dot, underscore, dash } = allowedPunctuation;
      if (/\s/.test(refusal.character))
        return t`The file name contains a space; use only letters, digits, ${dot}, ${underscore} and ${dash}.`;
      const character = refusal.character;
      return t`The file name contains "${character}"; use only letters, digits, ${dot}, ${underscore} and ${dash}.`;
    }
    case 'wrong-suffix':
      return t`The file name must end in ${suffix}; ${sysctl} ignores other files in ${sysctlD}.`;
    default:
      return unworded(refusal, 'file-refusal');
  }
}

/** How many of the hidden file's settings the refusal names before "and N more". */
const SETTINGS_SHOWN = 3;

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function listSettings(settings: readonly string[]): string {
  const shown = settings.slice(0, SETTINGS_SHOWN);
  const more = settings.length - shown.length;
  if (more === 0) return formatList(shown);
  // The ones named, then how many are not: one phrase, so the language orders it.
  const named = formatList(shown, { type: 'unit', style: 'short' });
  return plural(more, { one: `${named} and # more`, other: `${named} and # more` });
}

type TargetFileData = Extract<ApiErrorData, { from: 'target-file' }>;

/** Why the app will not edit the file it read: a link, unreadable, not a file, too big, not text. */
export function targetFileWords({ code, path, reason, limit }: TargetFileData): string {
  switch (code) {
    case 'target-symlink':
      return reason === null
        ? t`${path} is a symbolic link. The app does not edit through links; choose another file name.`
        : t`${path} is a symbolic link (${reason}); choose another file name.`;
    case 'file-unreadable':
      return reason === null
        ? t`${path} cannot be read: unknown reason.`
        : t`${path} cannot be read: ${reason}.`;
    case 'target-not-regular':
      return t`${path} is not a regular file; choose another file name.`;
    case 'file-too-large': {
      // The limit as the step states it: a byte count, shown as is.
      const bytes = limit ?? '?';
      return reason === null
        ? t`${path} is too large; the app edits files up to ${bytes} bytes. Choose another file name.`
        : t`${path} is ${reason}; the app edits files up to ${bytes} bytes. Choose another file name.`;
    }
    case 'file-not-text':
      return t`${path} is not valid UTF-8 text, so the app will not edit it. Choose another file name.`;
    default:
      return unworded(code, 'file-refusal');
  }
}

type HiddenFileData = Extract<ApiErrorData, { from: 'hidden-file' }>;

const devNull = '/dev/null';
const sysctlDir = '/etc/sysctl.d';

/** Which file a new name would hide at boot, and which settings would no longer be set. */
export function hiddenFileWords(data: HiddenFileData): string {
  const { name, path } = data;
  if (data.hidden === 'masked')
    return t`${name} would hide ${path} at boot (a link to ${devNull}: that name is masked on purpose, and a file of it in ${sysctlDir} would undo the mask). Choose another name.`;
  if (data.hidden === 'other')
    return t`${name} would hide ${path} at boot, and whatever it sets would no longer be applied. Choose another name.`;
  if (data.settings.length === 0)
    return t`${name} would hide ${path} at boot, and anything it sets later (it belongs to installed software or the running system) would be ignored. Choose another name.`;
  const settings = listSettings(data.settings);
  return t`${name} would hide ${path} at boot, and ${settings} would no longer be set. Choose another name.`;
}
