import type { SnapshotEntry } from '../sysctl-snapshot';
import { NODE_FILE_CAP } from './read-script';

/** A record that is not exactly the read script's format; the whole answer is refused. */
export class Malformed extends Error {}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A load-balancer configuration file the node sent, or why it was left out. */
export type NodeVipFile =
  | { readonly path: string; readonly kind: 'file'; readonly text: string }
  | { readonly path: string; readonly kind: 'skipped'; readonly reason: string };

/** The paths the read script may send as VIP files: its own list, nothing else. */
const VIP_PATH =
  /^\/etc\/(haproxy\/haproxy\.cfg|keepalived\/keepalived\.conf|nginx\/nginx\.conf|nginx\/conf\.d\/[^/\0]+\.conf|nginx\/sites-enabled\/[^/\0]+)$/;

/** `ip -o addr` lines: "2: eth0    inet 192.0.2.1/24 brd ..." -> the address. */
export function interfaceAddresses(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = /\sinet6?\s+([0-9A-Fa-f.:]+)\//.exec(line);
    if (m?.[1]) found.push(m[1]);
  }
  return found;
}

export function decode(field: string | undefined, what: string, lineNo: number): Buffer {
  if (field === undefined || !B64.test(field) || field.length % 4 !== 0) {
    throw new Malformed(`line ${lineNo}: ${what} is not base64`);
  }
  return Buffer.from(field, 'base64');
}

function decodeName(field: string | undefined, lineNo: number): string {
  const name = decode(field, 'the file name', lineNo).toString('utf8');
  if (name.length === 0 || name.includes('/') || name.includes('\0')) {
    throw new Malformed(`line ${lineNo}: "${name.slice(0, 80)}" is not a file name`);
  }
  return name;
}

/** A FILE, MASKED or UNREADABLE record: one entry of the per-file form. */
export function perFileEntry(
  tag: 'FILE' | 'MASKED' | 'UNREADABLE',
  fields: readonly string[],
  lineNo: number,
): SnapshotEntry {
  const name = decodeName(fields[1], lineNo);
  if (tag === 'FILE') {
    const linkTarget =
      fields[2] === '-' ? null : decode(fields[2], 'the link target', lineNo).toString('utf8');
    const content = decode(fields[3], 'the file content', lineNo);
    return content.length > NODE_FILE_CAP
      ? { name, kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` }
      : { name, kind: 'file', content, linkTarget };
  }
  if (tag === 'MASKED') {
    return {
      name,
      kind: 'masked',
      linkTarget: decode(fields[2], 'the link target', lineNo).toString('utf8'),
    };
  }
  return {
    name,
    kind: 'unreadable',
    reason: decode(fields[2], 'the reason', lineNo).toString('utf8').slice(0, 200),
  };
}

/** A VIPFILE record: a load-balancer file of the script's own list, or why it was left out. */
export function vipFileRecord(fields: readonly string[], lineNo: number): NodeVipFile {
  const file = decode(fields[1], 'the path', lineNo).toString('utf8');
  if (!VIP_PATH.test(file))
    throw new Malformed(`line ${lineNo}: "${file.slice(0, 80)}" is not a VIP file`);
  const content = decode(fields[2], 'the file content', lineNo);
  return content.length > NODE_FILE_CAP
    ? { path: file, kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` }
    : { path: file, kind: 'file', text: content.toString('utf8') };
}
