import { select, t } from '@lingui/core/macro';
import type { EngineBoot, NodeColumn, NodeReading, SettingId } from '../../../../electron/contract';
import { unworded } from '../../words/unworded';

/** A machine's name inside a sentence: the local column's heading reads "this computer" there. */
export function columnWord(column: Pick<NodeColumn, 'kind' | 'name'>): string {
  return column.kind === 'local'
    ? t({ message: 'this computer', comment: 'the machine the app runs on, inside a sentence' })
    : column.name;
}

/** A column's heading: this computer's is words around its host name ("This computer (lb-1)"). */
export function columnHeading(column: Pick<NodeColumn, 'kind' | 'name' | 'host'>): string {
  const host = column.host;
  if (column.kind !== 'local' || host === undefined) return column.name;
  return t({
    message: `This computer (${host})`,
    comment: 'heading of the column of the machine the app runs on, with its host name',
  });
}

/** How the column's heading says the machine is reached: a real node over SSH, or the demo's simulated one. */
export function reachWord(kind: NodeColumn['kind']): string | null {
  // A protocol's name, the same in every language.
  if (kind === 'ssh') return 'SSH';
  if (kind === 'simulated')
    return t({
      message: 'simulated node',
      comment: 'how a machine is reached: the demo simulates it',
    });
  return null;
}

/**
 * A machine's name before its failure, as the node errors word it (words/node-error-words.ts).
 * `failure` is the sentence about it.
 */
export function nameAndFailure(name: string, failure: string): string {
  return t({
    message: `${name}: ${failure}`,
    comment: 'a machine’s name, then what went wrong there',
  });
}

/** Messages from the core start with the machine's name, which the list already shows. */
export function withoutName(message: string, name: string): string {
  // The prefix as this language words it (the failure comes last in the message).
  const prefix = nameAndFailure(name, '');
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export function nowWord(reading: NodeReading, id: SettingId): string {
  const r = reading.settings.find((s) => s.id === id)?.runtime;
  if (!r) return t({ message: 'unknown', comment: 'a value that could not be read' });
  if (r.kind === 'value')
    return r.value === 1
      ? t({ message: 'On', comment: 'state of a kernel setting' })
      : t({ message: 'Off', comment: 'state of a kernel setting' });
  if (r.kind === 'unexpected') {
    const raw = r.raw.slice(0, 20);
    return t`Unexpected "${raw}"`;
  }
  // Worded by reason: the backend's detail is English (only a read error's is path and code).
  switch (r.reason) {
    case 'ipv6-absent':
      return t({
        message: 'Unavailable (IPv6 is turned off or not built into this kernel)',
        comment: 'a machine’s setting in the pair table',
      });
    case 'key-missing':
      return t({
        message: 'Unavailable (this kernel does not have this setting)',
        comment: 'a machine’s setting in the pair table',
      });
    case 'permission-denied':
      return t({
        message: 'Unavailable (not allowed to read it)',
        comment: 'a machine’s setting in the pair table',
      });
    case 'not-linux':
      return t({
        message: 'Unavailable (not Linux)',
        comment: 'a machine’s setting in the pair table',
      });
    case 'read-error': {
      const detail = r.detail;
      return t`Unavailable (${detail})`;
    }
    default:
      return unworded(r.reason, 'unavailable-reading');
  }
}

/** The engine's value at boot as a select key. */
const bootKey = (boot: EngineBoot): 'on' | 'off' | 'unknown' =>
  boot.unpredictable ? 'unknown' : boot.effective === 1 ? 'on' : 'off';

/** Engine names, never translated. */
const systemdSysctl = 'systemd-sysctl';
const sysctlSystem = 'sysctl --system';

/** "On under both" or "Off (systemd-sysctl) · On (sysctl --system)". */
export function bootWord(reading: NodeReading, id: SettingId): string {
  const boot = reading.boot.settings.find((s) => s.id === id);
  if (!boot) return t({ message: 'unknown', comment: 'a value that could not be read' });
  const systemd = bootKey(boot.systemd);
  const procps = bootKey(boot.procps);
  if (systemd === procps)
    return select(systemd, { on: 'On', off: 'Off', other: 'Cannot be predicted' });
  return t`${select(systemd, { on: 'On', off: 'Off', other: 'Cannot be predicted' })} (${systemdSysctl}) · ${select(procps, { on: 'on', off: 'off', other: 'cannot be predicted' })} (${sysctlSystem})`;
}

export function winnerWord(reading: NodeReading, id: SettingId): string {
  const w = reading.boot.settings.find((s) => s.id === id)?.systemd.winner;
  if (!w) return t`No file (kernel default: off)`;
  const { path, line } = w;
  return t`${path}, line ${line}`;
}
