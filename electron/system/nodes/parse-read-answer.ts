import type { RuntimeReading, SettingId } from '../../contract';
import { parseRuntimeText } from '../runtime';
import { SETTINGS, type Catalogue } from '../settings';
import { SYSCTL_CONF, SYSCTL_DIRECTORIES } from '../sysctl-sources';
import type { SnapshotDirectory, SnapshotEntry, SysctlSnapshot } from '../sysctl-snapshot';
import { entriesFromBatch } from './parse-directory-batch';
import { framedBody } from './read-framing';
import {
  decode,
  interfaceAddresses,
  Malformed,
  perFileEntry,
  vipFileRecord,
  type NodeVipFile,
} from './read-records';
import { NODE_VIP_FILE_LIMIT } from './read-script';

/** Most bytes a node's read answer may have; the runner stops reading beyond this. */
export const NODE_ANSWER_CAP = 4 * 1024 * 1024;
/** Most records (lines) a read answer may have. */
export const NODE_RECORD_CAP = 4000;

export type { NodeVipFile } from './read-records';

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
      /** What was malformed, or the OS the node runs (not-linux): data for the words. */
      readonly detail?: string;
    };

const KNOWN_DIRS: readonly string[] = SYSCTL_DIRECTORIES;

function malformed(detail: string): ReadAnswer {
  return { ok: false, kind: 'malformed', detail };
}

/**
 * Turns the read script's framed answer into a snapshot, refusing anything that
 * is not exactly the format: a node can be hostile, so every field is checked,
 * every size capped, and a bad answer yields an error, never a partial snapshot.
 * `nonce` is the one this read's script was given: only its frame counts.
 */
export function parseReadAnswer(
  answer: Buffer,
  nonce: string,
  catalogue: Catalogue = SETTINGS,
): ReadAnswer {
  if (answer.length > NODE_ANSWER_CAP) {
    return malformed(`more than ${NODE_ANSWER_CAP / (1024 * 1024)} MiB`);
  }
  const framed = framedBody(answer.toString('latin1'), nonce);
  if (!framed.ok && framed.kind === 'no-base64') {
    return { ok: false, kind: 'no-base64' };
  }
  if (!framed.ok) return malformed(framed.problem);
  const lines = framed.lines;
  if (lines.length > NODE_RECORD_CAP) return malformed(`more than ${NODE_RECORD_CAP} records`);
  try {
    let os: string | null = null;
    let kernel: string | null = null;
    let hasSysctl = false;
    const runtime: Record<SettingId, RuntimeReading> = {};
    const directories: { dir: string; entries: SnapshotEntry[] }[] = [];
    const identities = new Set<string>();
    let current: { dir: string; entries: SnapshotEntry[] } | null = null;
    let skipCurrent = false;
    let inConf = false;
    let sysctlConf: SnapshotEntry | null = null;
    const problems: string[] = [];
    const vipFiles: NodeVipFile[] = [];
    let addresses: string[] | null = null;
    // One directory's batch (LIST, SIZES, then DATA), collected until its DATA arrives.
    let batch: { list: Buffer | null; sizes: Buffer | null } | null = null;
    for (let i = 0; i < lines.length; i += 1) {
      const lineNo = i + 2;
      const fields = (lines[i] ?? '').split(' ');
      const tag = fields[0];
      const setting = (f: string | undefined) => {
        const found = catalogue.find((s) => s.id === f);
        if (!found) throw new Malformed(`line ${lineNo}: unknown setting`);
        if (runtime[found.id]) throw new Malformed(`line ${lineNo}: ${found.id} given twice`);
        return found;
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
          const { id } = setting(fields[1]);
          runtime[id] = parseRuntimeText(
            decode(fields[2], 'the runtime value', lineNo).toString('utf8'),
          );
          break;
        }
        case 'RUNTIME-DENIED':
        case 'RUNTIME-MISSING':
        case 'RUNTIME-ABSENT': {
          arity(2);
          const { id, family, procPath } = setting(fields[1]);
          runtime[id] = {
            kind: 'unavailable',
            reason:
              tag === 'RUNTIME-DENIED'
                ? 'permission-denied'
                : tag === 'RUNTIME-ABSENT' && family === 'IPv6'
                  ? 'ipv6-absent'
                  : 'key-missing',
            detail: `${procPath} on the node: ${tag === 'RUNTIME-DENIED' ? 'not readable' : 'absent'}`,
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
            batch = null;
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
          batch = { list: null, sizes: null };
          if (!skipCurrent) directories.push(current);
          break;
        }
        case 'LIST':
        case 'SIZES':
        case 'DATA': {
          arity(2);
          const bytes = decode(fields[1], `the ${tag.toLowerCase()}`, lineNo);
          const dir = current;
          if (batch === null || dir === null || dir.entries.length > 0)
            throw new Malformed(`line ${lineNo}: ${tag} outside a directory`);
          if (tag !== 'DATA') {
            if ((tag === 'LIST' ? batch.list : batch.sizes) !== null)
              throw new Malformed(`line ${lineNo}: ${tag} given twice`);
            if (tag === 'LIST') batch.list = bytes;
            else batch.sizes = bytes;
            break;
          }
          if (batch.list === null || batch.sizes === null)
            throw new Malformed(`line ${lineNo}: DATA before LIST and SIZES`);
          const read = entriesFromBatch({ list: batch.list, sizes: batch.sizes, data: bytes });
          if (!read.ok) throw new Malformed(`${dir.dir}: ${read.problem}`);
          batch = null;
          if (!skipCurrent) for (const entry of read.entries) dir.entries.push(entry);
          break;
        }
        case 'CONF':
          arity(1);
          inConf = true;
          current = null;
          batch = null;
          break;
        case 'FILE':
        case 'MASKED':
        case 'UNREADABLE': {
          arity(tag === 'FILE' ? 4 : 3);
          const entry = perFileEntry(tag, fields, lineNo);
          const name = entry.name;
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
          const file = vipFileRecord(fields, lineNo);
          if (vipFiles.length >= NODE_VIP_FILE_LIMIT || vipFiles.some((f) => f.path === file.path))
            throw new Malformed(`line ${lineNo}: too many or repeated VIP files`);
          vipFiles.push(file);
          break;
        }
        default:
          throw new Malformed(`line ${lineNo}: unknown record`);
      }
    }
    if (os === null || catalogue.some((s) => !runtime[s.id]))
      throw new Malformed('the OS or runtime records are missing');
    if (os !== 'Linux') {
      return { ok: false, kind: 'not-linux', detail: os.slice(0, 60) };
    }
    const snapshotDirs: SnapshotDirectory[] = directories;
    return {
      ok: true,
      hasSysctl,
      extras: { vipFiles, addresses },
      snapshot: {
        kernel,
        runtime,
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
