import type { NodeColumn, NodeReading, SettingId } from '../../../../electron/contract';
import { bootValueWord } from '../../boot-words';

/** A machine's name inside a sentence: the local column's heading reads "this computer" there. */
export function columnWord(column: Pick<NodeColumn, 'kind' | 'name'>): string {
  return column.kind === 'local' ? 'this computer' : column.name;
}

/** How the column's heading says the machine is reached: a real node over SSH, or the demo's simulated one. */
export function reachWord(kind: NodeColumn['kind']): string | null {
  if (kind === 'ssh') return 'SSH';
  if (kind === 'simulated') return 'simulated node';
  return null;
}

/** Messages from the core start with the machine's name, which the list already shows. */
export function withoutName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

export function nowWord(reading: NodeReading, id: SettingId): string {
  const r = reading.settings.find((s) => s.id === id)?.runtime;
  if (!r) return 'unknown';
  if (r.kind === 'value') return r.value === 1 ? 'On' : 'Off';
  if (r.kind === 'unexpected') return `Unexpected "${r.raw.slice(0, 20)}"`;
  return `Unavailable (${r.detail})`;
}

/** "On under both" or "Off (systemd-sysctl) · On (sysctl --system)". */
export function bootWord(reading: NodeReading, id: SettingId): string {
  const boot = reading.boot.settings.find((s) => s.id === id);
  if (!boot) return 'unknown';
  const systemd = bootValueWord(boot.systemd);
  const procps = bootValueWord(boot.procps);
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return systemd === procps
    ? cap(systemd)
    : `${cap(systemd)} (systemd-sysctl) · ${procps} (sysctl --system)`;
}

export function winnerWord(reading: NodeReading, id: SettingId): string {
  const w = reading.boot.settings.find((s) => s.id === id)?.systemd.winner;
  return w ? `${w.path}, line ${w.line}` : 'No file (kernel default: off)';
}
