import type { RuntimeReading, SettingId } from '../../contract';
import { parseRuntimeText } from '../runtime';
import { SYSCTL_CONF, SYSCTL_DIRECTORIES } from '../sysctl-sources';
import type { SnapshotDirectory, SnapshotEntry, SysctlSnapshot } from '../sysctl-snapshot';
import { NODE_FILE_CAP, NODE_VIP_FILE_LIMIT } from './read-script';

/** Most bytes a node's read answer may have; the runner stops reading beyond this. */
export const NODE_ANSWER_CAP = 4 * 1024 * 1024;
/** Most records (lines) a read answer may have. */
export const NODE_RECORD_CAP = 4000;

/** A load-balancer configuration file the node sent, or why it was left out. */
export type NodeVipFile =
  | { readonly path: string; readonly kind: 'file'; readonly text: string }
  | { readonly path: string; readonly kind: 'skipped'; readonly reason: string };

/** What the read answer carries besides the sysctl snapshot. */
export interface NodeExtras {
  readonly vipFiles: readonly NodeVipFile[];
  /** Addresses on the node's interfaces (`ip -o addr`), or null when it has no `ip`. */
  readonly addresses: readonly string[] | null;
}

export type ReadAnswer =
  | {
      readonly ok: true;
      readonly snapshot: SysctlSnapshot;
      readonly hasSysctl: boolean;
      readonly extras: NodeExtras;
    }
  | {
      readonly ok: false;
      readonly kind: 'not-linux' | 'no-base64' | 'malformed';
      readonly message: string;
    };

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const KNOWN_DIRS: readonly string[] = SYSCTL_DIRECTORIES;

class Malformed extends Error {}

/** The paths the read script may send as VIP files: its own list, nothing else. */
const VIP_PATH =
  /^\/etc\/(haproxy\/haproxy\.cfg|keepalived\/keepalived\.conf|nginx\/nginx\.conf|nginx\/conf\.d\/[^/\0]+\.conf|nginx\/sites-enabled\/[^/\0]+)$/;

/** `ip -o addr` lines: "2: eth0    inet 192.0.2.1/24 brd ..." -> the address. */
function interfaceAddresses(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = /\sinet6?\s+([0-9A-Fa-f.:]+)\//.exec(line);
    if (m?.[1]) found.push(m[1]);
  }
  return found;
}

function decode(field: string | undefined, what: string, lineNo: number): Buffer {
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

function malformed(message: string): ReadAnswer {
  return {
    ok: false,
    kind: 'malformed',
    message: `The node's answer to the read script is not in the expected format (${message}). Nothing was changed on the node.`,
  };
}

/**
 * Turns the read script's framed answer into a snapshot, refusing anything that
 * is not exactly the format: a node can be hostile, so every field is checked,
 * every size capped, and a bad answer yields an error, never a partial snapshot.
 */
export function parseReadAnswer(answer: Buffer): ReadAnswer {
  if (answer.length > NODE_ANSWER_CAP) {
    return malformed(`more than ${NODE_ANSWER_CAP / (1024 * 1024)} MiB`);
  }
  const text = answer.toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length > NODE_RECORD_CAP) return malformed(`more than ${NODE_RECORD_CAP} records`);
  if (lines[0] === 'NLB-ERROR no-base64') {
    return {
      ok: false,
      kind: 'no-base64',
      message:
        'The node has no base64 command (GNU coreutils or BusyBox), which the read script needs. Install coreutils on the node.',
    };
  }
  if (lines[0] !== 'NLB-READ 1') return malformed('it does not start with the read script header');
  if (lines[lines.length - 1] !== 'NLB-END')
    return malformed('it ends early, without the end marker');
  try {
    let os: string | null = null;
    let kernel: string | null = null;
    let hasSysctl = false;
    const runtime: Partial<Record<SettingId, RuntimeReading>> = {};
    const directories: { dir: string; entries: SnapshotEntry[] }[] = [];
    const identities = new Set<string>();
    let current: { dir: string; entries: SnapshotEntry[] } | null = null;
    let skipCurrent = false;
    let inConf = false;
    let sysctlConf: SnapshotEntry | null = null;
    const problems: string[] = [];
    const vipFiles: NodeVipFile[] = [];
    let addresses: string[] | null = null;
    for (let i = 1; i < lines.length - 1; i += 1) {
      const lineNo = i + 1;
      const fields = (lines[i] ?? '').split(' ');
      const tag = fields[0];
      const setting = (f: string | undefined): SettingId => {
        if (f !== 'ipv4' && f !== 'ipv6') throw new Malformed(`line ${lineNo}: unknown setting`);
        if (runtime[f]) throw new Malformed(`line ${lineNo}: ${f} given twice`);
        return f;
      };
      const arity = (n: number) => {
        if (fields.length !== n)
          throw new Malformed(
            `line ${lineNo}: ${tag ?? ''} has ${fields.length - 1} fields, not ${n - 1}`,
          );
      };
      switch (tag) {
        case 'OS':
          arity(2);
          os = decode(fields[1], 'the OS name', lineNo).toString('utf8').trim();
          break;
        case 'KERNEL':
          arity(2);
          kernel = decode(fields[1], 'the kernel release', lineNo)
            .toString('utf8')
            .trim()
            .slice(0, 200);
          break;
        case 'RUNTIME': {
          arity(3);
          const id = setting(fields[1]);
          runtime[id] = parseRuntimeText(
            decode(fields[2], 'the runtime value', lineNo).toString('utf8'),
          );
          break;
        }
        case 'RUNTIME-DENIED':
        case 'RUNTIME-MISSING':
        case 'RUNTIME-ABSENT': {
          arity(2);
          const id = setting(fields[1]);
          runtime[id] = {
            kind: 'unavailable',
            reason:
              tag === 'RUNTIME-DENIED'
                ? 'permission-denied'
                : tag === 'RUNTIME-ABSENT'
                  ? 'ipv6-absent'
                  : 'key-missing',
            detail: `/proc/sys/net/${id}/ip_nonlocal_bind on the node: ${tag === 'RUNTIME-DENIED' ? 'not readable' : 'absent'}`,
          };
          break;
        }
        case 'HAS-SYSCTL':
          arity(1);
          hasSysctl = true;
          break;
        case 'DIR':
        case 'DIR-DENIED': {
          arity(tag === 'DIR' ? 3 : 2);
          const dir = decode(fields[1], 'the directory', lineNo).toString('utf8');
          if (!KNOWN_DIRS.includes(dir))
            throw new Malformed(`line ${lineNo}: "${dir.slice(0, 80)}" is not a sysctl directory`);
          if (directories.some((d) => d.dir === dir))
            throw new Malformed(`line ${lineNo}: ${dir} listed twice`);
          inConf = false;
          if (tag === 'DIR-DENIED') {
            problems.push(`${dir}: cannot be listed on the node (permission denied)`);
            current = null;
            skipCurrent = true;
            break;
          }
          const identity = decode(fields[2], 'the directory identity', lineNo)
            .toString('utf8')
            .trim();
          // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; keep it once, as this computer does.
          skipCurrent = identity !== '' && identities.has(identity);
          if (identity !== '') identities.add(identity);
          current = { dir, entries: [] };
          if (!skipCurrent) directories.push(current);
          break;
        }
        case 'CONF':
          arity(1);
          inConf = true;
          current = null;
          break;
        case 'FILE':
        case 'MASKED':
        case 'UNREADABLE': {
          arity(tag === 'FILE' ? 4 : 3);
          const name = decodeName(fields[1], lineNo);
          let entry: SnapshotEntry;
          if (tag === 'FILE') {
            const linkTarget =
              fields[2] === '-'
                ? null
                : decode(fields[2], 'the link target', lineNo).toString('utf8');
            const content = decode(fields[3], 'the file content', lineNo);
            entry =
              content.length > NODE_FILE_CAP
                ? { name, kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` }
                : { name, kind: 'file', content, linkTarget };
          } else if (tag === 'MASKED') {
            entry = {
              name,
              kind: 'masked',
              linkTarget: decode(fields[2], 'the link target', lineNo).toString('utf8'),
            };
          } else {
            entry = {
              name,
              kind: 'unreadable',
              reason: decode(fields[2], 'the reason', lineNo).toString('utf8').slice(0, 200),
            };
          }
          if (inConf) {
            if (
              sysctlConf !== null ||
              name !== SYSCTL_CONF.slice(SYSCTL_CONF.lastIndexOf('/') + 1)
            ) {
              throw new Malformed(`line ${lineNo}: unexpected /etc/sysctl.conf record`);
            }
            sysctlConf = entry;
          } else if (current !== null) {
            if (!name.endsWith('.conf'))
              throw new Malformed(`line ${lineNo}: ${name.slice(0, 80)} is not a .conf file`);
            if (current.entries.some((e) => e.name === name))
              throw new Malformed(`line ${lineNo}: ${name.slice(0, 80)} listed twice`);
            current.entries.push(entry);
          } else if (!skipCurrent) {
            throw new Malformed(`line ${lineNo}: a file outside any directory`);
          }
          break;
        }
        case 'ADDRS':
          arity(2);
          if (addresses !== null) throw new Malformed(`line ${lineNo}: addresses given twice`);
          addresses = interfaceAddresses(
            decode(fields[1], 'the addresses', lineNo).toString('utf8'),
          ).slice(0, 1000);
          break;
        case 'VIPFILE': {
          arity(3);
          const file = decode(fields[1], 'the path', lineNo).toString('utf8');
          if (!VIP_PATH.test(file))
            throw new Malformed(`line ${lineNo}: "${file.slice(0, 80)}" is not a VIP file`);
          if (vipFiles.length >= NODE_VIP_FILE_LIMIT || vipFiles.some((f) => f.path === file))
            throw new Malformed(`line ${lineNo}: too many or repeated VIP files`);
          const content = decode(fields[2], 'the file content', lineNo);
          vipFiles.push(
            content.length > NODE_FILE_CAP
              ? { path: file, kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` }
              : { path: file, kind: 'file', text: content.toString('utf8') },
          );
          break;
        }
        default:
          throw new Malformed(`line ${lineNo}: unknown record`);
      }
    }
    if (os === null || !runtime.ipv4 || !runtime.ipv6)
      throw new Malformed('the OS or runtime records are missing');
    if (os !== 'Linux') {
      return {
        ok: false,
        kind: 'not-linux',
        message: `The node runs ${os.slice(0, 60) || 'an unknown system'}, not Linux: it has no ip_nonlocal_bind setting to manage.`,
      };
    }
    const snapshotDirs: SnapshotDirectory[] = directories;
    return {
      ok: true,
      hasSysctl,
      extras: { vipFiles, addresses },
      snapshot: {
        kernel,
        runtime: { ipv4: runtime.ipv4, ipv6: runtime.ipv6 },
        directories: snapshotDirs,
        sysctlConf,
        problems,
      },
    };
  } catch (error) {
    if (error instanceof Malformed) return malformed(error.message);
    throw error;
  }
}
