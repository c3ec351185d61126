import type {
  ConfigProblem,
  NamespaceEntry,
  NamespaceLasting,
  NamespaceReadProblem,
  NamespaceVip,
  RuntimeReading,
  SettingId,
  WillFailFinding,
} from '../../../electron/contract';
import { settingWords } from '../setting-words';

/**
 * Reading, changing and binding inside another network namespace, in words (issue 18,
 * steps 2–4): every switch exhaustive over its union. The app never claims a change made
 * inside a container's namespace lasts.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one button that reads every other namespace: one run of the step, one password. */
export function lookInsideWords(count: number, asks: boolean): string {
  return `Look inside ${plural(count, 'namespace')}${asks ? ' (asks for your password once)' : ''}`;
}

/** While it runs: where the password is asked, if it is. */
export function lookingInsideWords(asks: boolean): string {
  return asks ? 'Waiting for your password in the system dialog…' : 'Looking inside…';
}

/** "Read inside 2 namespaces in 41 ms, with one run of the step." */
export function readDoneWords(count: number, elapsedMs: number, runs = 1): string {
  const how = runs === 1 ? 'one run' : `${runs} runs`;
  return `Read inside ${plural(count, 'namespace')} in ${Math.round(elapsedMs)} ms, with ${how} of the step.`;
}

/** A value as read inside: short, for a list of settings. */
export function insideValueWords(reading: RuntimeReading): string {
  switch (reading.kind) {
    case 'value':
      return reading.value === 1 ? 'On' : 'Off';
    case 'unexpected':
      return `“${reading.raw.trim() || '(empty)'}” (not 0 or 1; any other number turns it on)`;
    case 'unavailable':
      return reading.reason === 'ipv6-absent' ? 'Not available (no IPv6 there)' : 'Cannot read';
    default:
      return unworded(reading);
  }
}

/** Why a namespace could not be read inside. */
export function readProblemWords(problem: NamespaceReadProblem): string {
  switch (problem) {
    case 'gone':
      return 'Nothing was read or changed: its processes ended or its name was removed since the list was made. Look again.';
    case 'changed':
      return 'Nothing was read or changed: the process or name now leads to another namespace (a pid was reused or a name re-pointed). Look again.';
    case 'cannot-enter':
      return 'Nothing was read or changed: the kernel refused to enter it.';
    default:
      return unworded(problem);
  }
}

/** "survives a restart?" from the container's own configuration. */
export function lastingWords(lasting: NamespaceLasting, kind: NamespaceEntry['kind']): string {
  const restart =
    kind === 'container' || kind === 'kubernetes'
      ? 'restarts or is created again'
      : kind === 'named'
        ? 'is deleted or this computer restarts'
        : 'ends';
  switch (lasting.kind) {
    case 'container-config': {
      const keys = Object.entries(lasting.keys).map(([k, v]) => `${k}=${v}`);
      return `Survives a restart? Yes for what its own configuration sets (${keys.join(', ')}): the engine sets it again each time it creates the container.`;
    }
    case 'resets-on-restart':
      return `Survives a restart? No: nothing sets it when it ${restart}, so it starts again with the settings off.`;
    case 'unknown':
      return 'Survives a restart? Unknown: its configuration could not be read.';
    default:
      return unworded(lasting);
  }
}

const hostPort = (vip: NamespaceVip) => {
  const host = vip.family === 'IPv6' ? `[${vip.address}]` : vip.address;
  return vip.port === null ? host : `${host}:${vip.port}`;
};

/** "binds 192.0.2.10:80 (not held there), 0.0.0.0:8404 (haproxy.cfg line 14, …)". */
export function vipsWords(vips: readonly NamespaceVip[]): string {
  if (vips.length === 0) return 'its configuration binds no address';
  const listed = vips.map((v) => `${hostPort(v)}${v.needs !== null ? ' (not held there)' : ''}`);
  const files = [...new Set(vips.map((v) => v.file))];
  return `binds ${listed.join(', ')}, from ${files.join(', ')}`;
}

/** Why a load balancer's configuration was not read inside its root. */
export function configProblemWords(
  code: ConfigProblem,
  file: string | null,
  reason?: string,
): string {
  // Envoy's configuration is not read at all: nothing went wrong, the app does not parse it.
  if (reason === 'not-parsed')
    return 'The app does not read its configuration, so its addresses are not known.';
  const where = file ?? 'its configuration';
  switch (code) {
    case 'unreadable':
      return `${where} could not be read, so its addresses are not known.`;
    case 'not-found':
      return 'Its configuration was not found inside its root, so its addresses are not known.';
    case 'too-large':
      return `${where} is larger than the app reads, so its addresses are not known.`;
    case 'timeout':
      return `Reading ${where} took too long, so its addresses are not all known.`;
    case 'unparsable':
      return `${where} could not be understood, so its addresses are not known.`;
    default:
      return unworded(code);
  }
}

/** "haproxy in container web-lb (a1b2c3d4e5f6)", or "haproxy (pid 812)" outside a container. */
function whoWords(f: WillFailFinding): string {
  if (f.container === null) return `${f.program} (pid ${f.pid})`;
  const name = f.container.name === null ? '' : ` ${f.container.name}`;
  return `${f.program} in container${name} (${f.container.shortId})`;
}

const labelOf = (id: SettingId) => settingWords(id).label;

/** The sentence: what will fail to start, and why. */
export function findingWords(f: WillFailFinding): string {
  switch (f.value) {
    case 'off':
      return `${whoWords(f)} binds ${f.address}, and ${labelOf(f.setting)} is off in its network: it will fail to start.`;
    case 'unknown':
      return `${whoWords(f)} binds ${f.address}, which its network does not hold: it needs ${labelOf(f.setting)} on there. Look inside to see whether it is.`;
    default:
      return unworded(f.value);
  }
}

/** The line under "Turn it on now": it is never kept. */
export function notKeptWords(kind: NamespaceEntry['kind']): string {
  switch (kind) {
    case 'container':
    case 'kubernetes':
      return 'For now only: this does NOT last. When the container restarts or is created again it starts with the settings off; the lasting fix is below.';
    case 'named':
      return 'For now only: this does NOT last. When the namespace is deleted or this computer restarts it is gone; the lasting fix is below.';
    case 'process-held':
      return 'For now only: this does NOT last. Whatever starts these processes makes a new namespace with the settings off.';
    case 'own':
      return 'The switches on “This computer” change this one.';
    default:
      return unworded(kind);
  }
}

/** The main page's sentence about findings, or null while nothing needs saying. */
export function attentionWords(findings: readonly WillFailFinding[]): string | null {
  const off = findings.filter((f) => f.value === 'off');
  if (off.length > 0) {
    const programs = [...new Set(off.map((f) => f.program))].join(' and ');
    const where = new Set(off.map((f) => f.inode)).size;
    return `Needs attention: ${programs} will fail to start in ${where} of them, with the setting off there.`;
  }
  return findings.some((f) => f.value === 'unknown')
    ? 'A load balancer there binds an address its network does not hold: look inside to see whether it can start.'
    : null;
}

function unworded(value: never): never {
  throw new Error(`no words for ${JSON.stringify(value)}`);
}
