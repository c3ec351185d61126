import type {
  ApiErrorData,
  CandidateProblem,
  FileNameRefusal,
  StepRefusal,
} from '../../../electron/contract';

/*
 * "Make all alike" on one machine, in words: not in the list, planning failed, a setting
 * it lacks, or no file the app may write makes the value stick there (and why each one).
 */

const SUFFIX = '.conf';

/** Why a name the node already has is not one the app writes. */
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
      return `its name does not end in "${SUFFIX}"`;
    default:
      return 'its name is not one the app writes';
  }
}

/** Why the step's arguments could not be built, in a few words. */
export function stepRefusalWords(error: StepRefusal): string {
  switch (error.code) {
    case 'invalid-runtime-value':
      return 'invalid runtime value';
    case 'unknown-setting':
      return `unknown setting ${error.id}`;
    case 'invalid-file-name':
      return nameWords(error.refusal);
    case 'invalid-expected-hash':
      return 'invalid expected hash';
    case 'content-too-large':
      return `the new file would be ${error.bytes} bytes; at most ${error.limit} are supported`;
    case 'content-encoding-failed':
      return 'content encoding failed';
    default:
      return unworded(error);
  }
}

function problemWords(p: CandidateProblem): string {
  switch (p.code) {
    case 'name-refused':
      return `${p.path}: ${nameWords(p.refusal)}`;
    case 'would-hide':
      return `${p.path} would hide ${p.hidden}`;
    case 'masked':
      return `${p.path} is masked`;
    case 'not-readable':
      return `${p.path} is not a readable file`;
    case 'link':
      return `${p.path} is a link; the app edits only regular files`;
    case 'not-utf8':
      return `${p.path} is not UTF-8 text`;
    case 'loses-at-boot':
      return `${p.path} would lose to a file read after it`;
    case 'content-refused':
      return p.error.code === 'content-value-out-of-range'
        ? `${p.path}: line ${p.error.line} would set a value outside 0 to 255`
        : `${p.path}: the change would also touch line ${p.error.line}, which is not an ip_nonlocal_bind line`;
    case 'step-refuses': {
      const path = p.path ?? 'the change';
      return p.error.code === 'content-too-large'
        ? `${path} would be ${p.error.bytes} bytes, and the app writes files of at most ${p.error.limit}`
        : `${path}: ${stepRefusalWords(p.error)}`;
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
      return 'Type an SSH destination: an alias from ~/.ssh/config or user@host[:port].';
    case 'too-long':
      return 'The destination is longer than 300 characters.';
    case 'bad-character':
      return `"${value}" contains a character no SSH destination has (spaces, quotes and shell characters are refused).`;
    case 'bad-user':
      return `"${value}" is not a valid user name (letters, digits, _ . -; up to 32; not starting with a digit or -).`;
    case 'bad-ipv6':
      return `"${value}" is not an IPv6 address.`;
    case 'bad-port':
      return `"${value}" is not a port number.`;
    case 'unbracketed-ipv6':
      return 'Write an IPv6 address in brackets, e.g. admin@[2001:db8::1]:22.';
    case 'bad-host':
      return `"${value}" is not a host name, address or ~/.ssh/config alias.`;
    case 'port-range':
      return `Port ${value} is outside 1-65535.`;
    default:
      return unworded(problem);
  }
}

type NodeListData = Extract<ApiErrorData, { from: 'node-list' }>;

/** Why the saved node list cannot be used, and what to do about it. */
export function nodeListWords({ problem, path, reason }: NodeListData): string {
  switch (problem) {
    case 'unreadable':
      return `The node list ${path} cannot be read: ${reason ?? 'unknown reason'}. Fix or remove it.`;
    case 'not-json':
      return `The node list ${path} is not valid JSON; fix or remove it.`;
    case 'no-nodes':
      return `The node list ${path} has no "nodes" array.`;
    default:
      return unworded(problem);
  }
}

type MachineData = Extract<ApiErrorData, { from: 'machine' }>;

/** One machine's refusal in words, starting with its name where the sentence needs it. */
export function machineWords(data: MachineData): string {
  switch (data.code) {
    case 'unknown-node':
      return `"${data.name}" is not in the node list.`;
    case 'plan-failed':
      return `${data.name}: planning stopped on an unexpected error; this machine is left out. Read all again and retry.`;
    case 'setting-unavailable':
      return `${data.name}: ${data.key} is not available there (for example IPv6 is disabled), so it cannot be made alike.`;
    case 'cannot-persist':
      return `${data.name}: no file the app may write makes the value stick under both boot engines (${data.problems.map(problemWords).join('; ')}). Look at "Which files set it?" on that machine.`;
    default:
      return unworded(data);
  }
}

function unworded(value: never): never {
  throw new Error(`no words for ${JSON.stringify(value)}`);
}
