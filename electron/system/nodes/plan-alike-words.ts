import type { ApiError } from '../../contract';
import { FILE_NAME_SUFFIX, type FileNameRefusal } from '../file-name';
import { stepArgumentsWords, type StepArgumentsError } from '../privileged-step';
import type { ContentRuleError } from '../step-content-rule';

/**
 * Why one file the app could write on a machine was ruled out. `path` is the node's own
 * (hostile) path: it is shortened wherever it is shown.
 */
export type CandidateProblem =
  | { readonly path: string; readonly code: 'name-refused'; readonly refusal: FileNameRefusal }
  | { readonly path: string; readonly code: 'would-hide'; readonly hidden: string }
  | { readonly path: string; readonly code: 'masked' | 'not-readable' | 'link' | 'not-utf8' }
  | { readonly path: string; readonly code: 'loses-at-boot' }
  | { readonly path: string; readonly code: 'content-refused'; readonly error: ContentRuleError }
  | {
      readonly path: string | null;
      readonly code: 'step-refuses';
      readonly error: StepArgumentsError;
    };

/** Longer than any real name: the rest of a hostile one is cut, not echoed. */
const MAX_SHOWN = 80;

/** A path as a node named it, printable and short enough for a sentence. */
export function shownPath(path: string): string {
  // Control characters would garble the sentence; a name has no business holding one.
  const printable = path.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  const chars = [...printable];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : printable;
}

function nameWords(refusal: FileNameRefusal): string {
  switch (refusal.code) {
    case 'too-long':
      return `its name is ${refusal.length} characters long, and the app writes names of at most ${refusal.limit}`;
    case 'bad-first-character':
      return 'its name does not start with a letter or digit';
    case 'bad-character': {
      const c = refusal.character;
      const shown = /\s/u.test(c)
        ? 'a space'
        : /[\p{Cc}\p{Cf}]/u.test(c)
          ? 'a control character'
          : `"${c}"`;
      return `its name contains ${shown}, and the app writes only letters, digits, ".", "_" and "-"`;
    }
    case 'wrong-suffix':
      return `its name does not end in "${FILE_NAME_SUFFIX}"`;
    default:
      return 'its name is not one the app writes';
  }
}

function problemWords(p: CandidateProblem): string {
  const path = p.path === null ? 'the change' : shownPath(p.path);
  switch (p.code) {
    case 'name-refused':
      return `${path}: ${nameWords(p.refusal)}`;
    case 'would-hide':
      return `${path} would hide ${shownPath(p.hidden)}`;
    case 'masked':
      return `${path} is masked`;
    case 'not-readable':
      return `${path} is not a readable file`;
    case 'link':
      return `${path} is a link; the app edits only regular files`;
    case 'not-utf8':
      return `${path} is not UTF-8 text`;
    case 'loses-at-boot':
      return `${path} would lose to a file read after it`;
    case 'content-refused':
      return p.error.code === 'content-value-out-of-range'
        ? `${path}: line ${p.error.line} would set a value outside 0 to 255`
        : `${path}: the change would also touch line ${p.error.line}, which is not an ip_nonlocal_bind line`;
    case 'step-refuses':
      return p.error.code === 'content-too-large'
        ? `${path} would be ${p.error.bytes} bytes, and the app writes files of at most ${p.error.limit}`
        : `${path}: ${stepArgumentsWords(p.error)}`;
  }
}

/** The machine cannot be made alike by any file the app may write: which, and why each. */
export function cannotPersistError(
  machineName: string,
  problems: readonly CandidateProblem[],
): ApiError {
  return {
    code: 'cannot-persist',
    message: `${machineName}: no file the app may write makes the value stick under both boot engines (${problems.map(problemWords).join('; ')}). Look at "Which files set it?" on that machine.`,
  };
}
