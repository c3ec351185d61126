import type { ApiErrorData, FileNameRefusal } from '../../../electron/contract';

/*
 * Words about the file an Apply would write: a refused name, and a name that would hide
 * another file at boot. Pure, from the backend's data.
 */

/** The shape of a name the app writes, as the refusals describe it. */
const EXAMPLE_NAME = '90-nonlocal-bind.conf';
const SUFFIX = '.conf';

/** A refused file name in words, for the name the user typed (`name` is shown only shortened). */
export function fileNameWords(refusal: FileNameRefusal, name = ''): string {
  switch (refusal.code) {
    case 'not-text':
      return 'The file name must be text.';
    case 'empty':
      return `Enter a file name, for example ${EXAMPLE_NAME}.`;
    case 'too-long':
      return `The file name is ${refusal.length} characters long; at most ${refusal.limit} are allowed.`;
    case 'has-slash':
      return 'Enter only a file name, without "/": the file always goes into /etc/sysctl.d/.';
    case 'dot-name':
      return `"${name.slice(0, 80)}" is not a file name.`;
    case 'bad-first-character':
      return 'The file name must start with a letter or digit (a leading dot or dash hides it or looks like an option).';
    case 'bad-character': {
      const shown = /\s/.test(refusal.character) ? 'a space' : `"${refusal.character}"`;
      return `The file name contains ${shown}; use only letters, digits, ".", "_" and "-".`;
    }
    case 'wrong-suffix':
      return `The file name must end in "${SUFFIX}"; sysctl ignores other files in /etc/sysctl.d/.`;
    default:
      return unworded(refusal);
  }
}

/** How many of the hidden file's settings the refusal names before "and N more". */
const SETTINGS_SHOWN = 3;

function listSettings(settings: readonly string[]): string {
  const shown = settings.slice(0, SETTINGS_SHOWN);
  const more = settings.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

type TargetFileData = Extract<ApiErrorData, { from: 'target-file' }>;

/** Why the app will not edit the file it read: a link, unreadable, not a file, too big, not text. */
export function targetFileWords({ code, path, reason, limit }: TargetFileData): string {
  const choose = 'choose another file name.';
  switch (code) {
    case 'target-symlink':
      return reason === null
        ? `${path} is a symbolic link. The app does not edit through links; ${choose}`
        : `${path} is a symbolic link (${reason}); ${choose}`;
    case 'file-unreadable':
      return `${path} cannot be read: ${reason ?? 'unknown reason'}.`;
    case 'target-not-regular':
      return `${path} is not a regular file; ${choose}`;
    case 'file-too-large':
      return `${path} is ${reason ?? 'too large'}; the app edits files up to ${limit ?? '?'} bytes. Choose another file name.`;
    case 'file-not-text':
      return `${path} is not valid UTF-8 text, so the app will not edit it. Choose another file name.`;
    default:
      return unworded(code);
  }
}

type HiddenFileData = Extract<ApiErrorData, { from: 'hidden-file' }>;

/** Which file a new name would hide at boot, and which settings would no longer be set. */
export function hiddenFileWords(data: HiddenFileData): string {
  const consequence =
    data.hidden === 'masked'
      ? ' (a link to /dev/null: that name is masked on purpose, and a file of it in /etc/sysctl.d would undo the mask)'
      : data.hidden === 'other'
        ? ', and whatever it sets would no longer be applied'
        : data.settings.length === 0
          ? ', and anything it sets later (it belongs to installed software or the running system) would be ignored'
          : `, and ${listSettings(data.settings)} would no longer be set`;
  return `${data.name} would hide ${data.path} at boot${consequence}. Choose another name.`;
}

function unworded(refusal: never): never {
  throw new Error(`no words for file refusal ${JSON.stringify(refusal)}`);
}
