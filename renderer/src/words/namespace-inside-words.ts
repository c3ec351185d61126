import { plural, t } from '@lingui/core/macro';
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
import { formatList } from '../i18n/format';
import { settingWords } from '../setting-words';
import { unworded } from './unworded';

/**
 * Reading, changing and binding inside another network namespace, in words (issue 18,
 * steps 2–4): every switch exhaustive over its union. The app never claims a change made
 * inside a container's namespace lasts.
 */

/** The one button that reads every other namespace: one run of the step, one password. */
export function lookInsideWords(count: number, asks: boolean): string {
  return asks
    ? plural(count, {
        one: 'Look inside # namespace (asks for your password once)',
        other: 'Look inside # namespaces (asks for your password once)',
      })
    : plural(count, { one: 'Look inside # namespace', other: 'Look inside # namespaces' });
}

/** While it runs: where the password is asked, if it is. */
export function lookingInsideWords(asks: boolean): string {
  return asks ? t`Waiting for your password in the system dialog…` : t`Looking inside…`;
}

/** "Read inside 2 namespaces in 41 ms, with one run of the step." */
export function readDoneWords(count: number, elapsedMs: number, runs = 1): string {
  const elapsed = Math.round(elapsedMs);
  return t`Read inside ${plural(count, { one: '# namespace', other: '# namespaces' })} in ${elapsed} ms, with ${plural(runs, { one: 'one run', other: '# runs' })} of the step.`;
}

/** A value as read inside: short, for a list of settings. */
export function insideValueWords(reading: RuntimeReading): string {
  switch (reading.kind) {
    case 'value':
      return reading.value === 1
        ? t({ message: 'On', comment: 'state of a kernel setting' })
        : t({ message: 'Off', comment: 'state of a kernel setting' });
    case 'unexpected': {
      const raw =
        reading.raw.trim() ||
        t({ message: '(empty)', comment: 'the kernel file held no text at all' });
      return t`“${raw}” (not 0 or 1; any other number turns it on)`;
    }
    case 'unavailable':
      return reading.reason === 'ipv6-absent'
        ? t`Not available (no IPv6 there)`
        : t({
            message: 'Cannot read',
            comment: 'state of a kernel setting whose value could not be read',
          });
    default:
      return unworded(reading);
  }
}

/** Why a namespace could not be read inside. */
export function readProblemWords(problem: NamespaceReadProblem): string {
  switch (problem) {
    case 'gone':
      return t`Nothing was read or changed: its processes ended or its name was removed since the list was made. Look again.`;
    case 'changed':
      return t`Nothing was read or changed: the process or name now leads to another namespace (a pid was reused or a name re-pointed). Look again.`;
    case 'cannot-enter':
      return t`Nothing was read or changed: the kernel refused to enter it.`;
    default:
      return unworded(problem);
  }
}

/** "survives a restart?" from the container's own configuration. */
export function lastingWords(lasting: NamespaceLasting, kind: NamespaceEntry['kind']): string {
  switch (lasting.kind) {
    case 'container-config': {
      const keys = formatList(
        Object.entries(lasting.keys).map(([k, v]) => `${k}=${v}`),
        { type: 'unit', style: 'short' },
      );
      return t`Survives a restart? Yes for what its own configuration sets (${keys}): the engine sets it again each time it creates the container.`;
    }
    case 'resets-on-restart':
      if (kind === 'container' || kind === 'kubernetes')
        return t`Survives a restart? No: nothing sets it when it restarts or is created again, so it starts again with the settings off.`;
      return kind === 'named'
        ? t`Survives a restart? No: nothing sets it when it is deleted or this computer restarts, so it starts again with the settings off.`
        : t`Survives a restart? No: nothing sets it when it ends, so it starts again with the settings off.`;
    case 'unknown':
      return t`Survives a restart? Unknown: its configuration could not be read.`;
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
  if (vips.length === 0) return t`its configuration binds no address`;
  const asList = { type: 'unit', style: 'short' } as const;
  const addresses = formatList(
    vips.map((v) => {
      const address = hostPort(v);
      return v.needs !== null ? t`${address} (not held there)` : address;
    }),
    asList,
  );
  const files = formatList([...new Set(vips.map((v) => v.file))], asList);
  return t`binds ${addresses}, from ${files}`;
}

/** Why a load balancer's configuration was not read inside its root. */
export function configProblemWords(
  code: ConfigProblem,
  file: string | null,
  reason?: string,
): string {
  // Envoy's configuration is not read at all: nothing went wrong, the app does not parse it.
  if (reason === 'not-parsed')
    return t`The app does not read its configuration, so its addresses are not known.`;
  switch (code) {
    case 'unreadable':
      return file === null
        ? t`its configuration could not be read, so its addresses are not known.`
        : t`${file} could not be read, so its addresses are not known.`;
    case 'not-found':
      return t`Its configuration was not found inside its root, so its addresses are not known.`;
    case 'too-large':
      return file === null
        ? t`its configuration is larger than the app reads, so its addresses are not known.`
        : t`${file} is larger than the app reads, so its addresses are not known.`;
    case 'timeout':
      return file === null
        ? t`Reading its configuration took too long, so its addresses are not all known.`
        : t`Reading ${file} took too long, so its addresses are not all known.`;
    case 'unparsable':
      return file === null
        ? t`its configuration could not be understood, so its addresses are not known.`
        : t`${file} could not be understood, so its addresses are not known.`;
    default:
      return unworded(code);
  }
}

/** "haproxy in container web-lb (a1b2c3d4e5f6)", or "haproxy (pid 812)" outside a container. */
function whoWords(f: WillFailFinding): string {
  const program = f.program;
  if (f.container === null) {
    const pid = f.pid;
    return t`${program} (pid ${pid})`;
  }
  const { name, shortId } = f.container;
  return name === null
    ? t`${program} in container (${shortId})`
    : t`${program} in container ${name} (${shortId})`;
}

const labelOf = (id: SettingId) => settingWords(id).label;

/** The sentence: what will fail to start, and why. */
export function findingWords(f: WillFailFinding): string {
  const who = whoWords(f);
  const { address } = f;
  const label = labelOf(f.setting);
  switch (f.value) {
    case 'off':
      return t({
        message: `${who} binds ${address}, and ${label} is off in its network: it will fail to start.`,
        comment: 'who is a program, e.g. "haproxy in container web-lb (a1b2c3d4e5f6)"',
      });
    case 'unknown':
      return t({
        message: `${who} binds ${address}, which its network does not hold: it needs ${label} on there. Look inside to see whether it is.`,
        comment: 'who is a program, e.g. "haproxy in container web-lb (a1b2c3d4e5f6)"',
      });
    default:
      return unworded(f.value);
  }
}

/** The line under "Turn it on now": it is never kept. */
export function notKeptWords(kind: NamespaceEntry['kind']): string {
  switch (kind) {
    case 'container':
    case 'kubernetes':
      return t`For now only: this does NOT last. When the container restarts or is created again it starts with the settings off; the lasting fix is below.`;
    case 'named':
      return t`For now only: this does NOT last. When the namespace is deleted or this computer restarts it is gone; the lasting fix is below.`;
    case 'process-held':
      return t`For now only: this does NOT last. Whatever starts these processes makes a new namespace with the settings off.`;
    case 'own':
      return t`The switches on “This computer” change this one.`;
    default:
      return unworded(kind);
  }
}

/** The main page's sentence about findings, or null while nothing needs saying. */
export function attentionWords(findings: readonly WillFailFinding[]): string | null {
  const off = findings.filter((f) => f.value === 'off');
  if (off.length > 0) {
    const programs = formatList([...new Set(off.map((f) => f.program))]);
    const count = new Set(off.map((f) => f.inode)).size;
    return t`Needs attention: ${programs} will fail to start in ${count} of them, with the setting off there.`;
  }
  return findings.some((f) => f.value === 'unknown')
    ? t`A load balancer there binds an address its network does not hold: look inside to see whether it can start.`
    : null;
}
