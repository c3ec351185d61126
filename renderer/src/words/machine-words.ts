import { t } from '@lingui/core/macro';
import type {
  ApiErrorData,
  CandidateProblem,
  FileNameRefusal,
  StepRefusal,
} from '../../../electron/contract';
import { unworded } from './unworded';

/*
 * "Make all alike" on one machine, in words: not in the list, planning failed, a setting
 * it lacks, or no file the app may write makes the value stick there (and why each one).
 */

/** Characters, settings and paths, never translated: placeholders in the sentences. */
const suffix = '".conf"';
const allowedPunctuation = { dot: '"."', underscore: '"_"', dash: '"-"' } as const;
const nonlocalBind = 'ip_nonlocal_bind';
const sshConfig = '~/.ssh/config';
const destinationShape = 'user@host[:port]';
const bracketedExample = 'admin@[2001:db8::1]:22';
const nodesArray = '"nodes"';

/** Why a name the node already has is not one the app writes. */
function nameWords(refusal: FileNameRefusal): string {
  switch (refusal.code) {
    case 'too-long': {
      const { length, limit } = refusal;
      return t`its name is ${length} characters long, and the app writes names of at most ${limit}`;
    }
    case 'bad-first-character':
      return t`its name does not start with a letter or digit`;
    case 'bad-character': {
      const c = refusal.character;
      const { dot, underscore, dash } = allowedPunctuation;
      if (/\s/u.test(c))
        return t`its name contains a space, and the app writes only letters, digits, ${dot}, ${underscore} and ${dash}`;
      if (/[\p{Cc}\p{Cf}]/u.test(c))
        return t`its name contains a control character, and the app writes only letters, digits, ${dot}, ${underscore} and ${dash}`;
      const character = c;
      return t`its name contains "${character}", and the app writes only letters, digits, ${dot}, ${underscore} and ${dash}`;
    }
    case 'wrong-suffix':
      return t`its name does not end in ${suffix}`;
    default:
      return t`its name is not one the app writes`;
  }
}

/** Why the step's arguments could not be built, in a few words. */
export function stepRefusalWords(error: StepRefusal): string {
  switch (error.code) {
    case 'invalid-runtime-value':
      return t`invalid runtime value`;
    case 'unknown-setting': {
      const id = error.id;
      return t`unknown setting ${id}`;
    }
    case 'invalid-file-name':
      return nameWords(error.refusal);
    case 'invalid-expected-hash':
      return t`invalid expected hash`;
    case 'content-too-large': {
      const { bytes, limit } = error;
      return t`the new file would be ${bytes} bytes; at most ${limit} are supported`;
    }
    case 'content-encoding-failed':
      return t`content encoding failed`;
    default:
      return unworded(error);
  }
}

/** One reason a file the app may write does not make the value stick, after its path. */
function problemWords(p: CandidateProblem): string {
  switch (p.code) {
    case 'name-refused': {
      const { path } = p;
      const why = nameWords(p.refusal);
      return t({ message: `${path}: ${why}`, comment: 'a file, then why the app cannot use it' });
    }
    case 'would-hide': {
      const { path, hidden } = p;
      return t`${path} would hide ${hidden}`;
    }
    case 'masked': {
      const { path } = p;
      return t`${path} is masked`;
    }
    case 'not-readable': {
      const { path } = p;
      return t`${path} is not a readable file`;
    }
    case 'link': {
      const { path } = p;
      return t`${path} is a link; the app edits only regular files`;
    }
    case 'not-utf8': {
      const { path } = p;
      return t`${path} is not UTF-8 text`;
    }
    case 'loses-at-boot': {
      const { path } = p;
      return t`${path} would lose to a file read after it`;
    }
    case 'content-refused': {
      const { path } = p;
      const line = p.error.line;
      return p.error.code === 'content-value-out-of-range'
        ? t`${path}: line ${line} would set a value outside 0 to 255`
        : t`${path}: the change would also touch line ${line}, which is not an ${nonlocalBind} line`;
    }
    case 'step-refuses': {
      const { error, path } = p;
      if (error.code === 'content-too-large') {
        const { bytes, limit } = error;
        return path === null
          ? t`the change would be ${bytes} bytes, and the app writes files of at most ${limit}`
          : t`${path} would be ${bytes} bytes, and the app writes files of at most ${limit}`;
      }
      const why = stepRefusalWords(error);
      return path === null
        ? t({ message: `the change: ${why}`, comment: 'why the step refuses the change' })
        : t({ message: `${path}: ${why}`, comment: 'a file, then why the app cannot use it' });
    }
    default:
      return unworded(p);
  }
}

type DestinationData = Extract<ApiErrorData, { from: 'destination' }>;

/** Why the SSH destination typed is refused, and the part that is wrong. */
export function destinationWords({ problem, value }: DestinationData): string {
  switch (problem) {
    case 'empty':
      return t`Type an SSH destination: an alias from ${sshConfig} or ${destinationShape}.`;
    case 'too-long':
      return t`The destination is longer than 300 characters.`;
    case 'bad-character':
      return t`"${value}" contains a character no SSH destination has (spaces, quotes and shell characters are refused).`;
    case 'bad-user':
      return t`"${value}" is not a valid user name (letters, digits, _ . -; up to 32; not starting with a digit or -).`;
    case 'bad-ipv6':
      return t`"${value}" is not an IPv6 address.`;
    case 'bad-port':
      return t`"${value}" is not a port number.`;
    case 'unbracketed-ipv6':
      return t`Write an IPv6 address in brackets, e.g. ${bracketedExample}.`;
    case 'bad-host':
      return t`"${value}" is not a host name, address or ${sshConfig} alias.`;
    case 'port-range':
      return t`Port ${value} is outside 1-65535.`;
    default:
      return unworded(problem);
  }
}

type NodeListData = Extract<ApiErrorData, { from: 'node-list' }>;

/** Why the saved node list cannot be used, and what to do about it. */
export function nodeListWords({ problem, path, reason }: NodeListData): string {
  switch (problem) {
    case 'unreadable':
      return reason === null || reason === undefined
        ? t`The node list ${path} cannot be read: unknown reason. Fix or remove it.`
        : t`The node list ${path} cannot be read: ${reason}. Fix or remove it.`;
    case 'not-json':
      return t`The node list ${path} is not valid JSON; fix or remove it.`;
    case 'no-nodes':
      return t`The node list ${path} has no ${nodesArray} array.`;
    default:
      return unworded(problem);
  }
}

type MachineData = Extract<ApiErrorData, { from: 'machine' }>;

/** One machine's refusal in words, starting with its name where the sentence needs it. */
export function machineWords(data: MachineData): string {
  switch (data.code) {
    case 'unknown-node': {
      const name = data.name;
      return t`"${name}" is not in the node list.`;
    }
    case 'plan-failed': {
      const name = data.name;
      return t`${name}: planning stopped on an unexpected error; this machine is left out. Read all again and retry.`;
    }
    case 'setting-unavailable': {
      const { name, key } = data;
      return t`${name}: ${key} is not available there (for example IPv6 is disabled), so it cannot be made alike.`;
    }
    case 'cannot-persist': {
      const name = data.name;
      const problems = data.problems.map(problemWords).join('; ');
      return t`${name}: no file the app may write makes the value stick under both boot engines (${problems}). Look at "Which files set it?" on that machine.`;
    }
    default:
      return unworded(data);
  }
}
