import type { SnapshotEntry } from '../sysctl-snapshot';
import { NODE_FILE_CAP } from './read-script';

/** Most `*.conf` entries one directory's batch may list (the answer cap bounds it too). */
export const NODE_DIRECTORY_ENTRY_CAP = 20_000;

/** What one sysctl directory sent in one pass (see read-script.ts): LIST, SIZES, DATA. */
export interface DirectoryBatch {
  readonly list: Buffer;
  readonly sizes: Buffer;
  readonly data: Buffer;
}

export type BatchEntries =
  | { readonly ok: true; readonly entries: SnapshotEntry[] }
  | { readonly ok: false; readonly problem: string };

/**
 * NUL-terminated fields; 'unframed' when the last one is not terminated, 'too-many' past
 * `max`, before splitting further: a hostile node's 4 MiB of NULs must not become millions
 * of subarrays.
 */
function nulFields(bytes: Buffer, max: number): Buffer[] | 'unframed' | 'too-many' {
  const fields: Buffer[] = [];
  let from = 0;
  while (from < bytes.length) {
    const at = bytes.indexOf(0, from);
    if (at < 0) return 'unframed';
    if (fields.length === max) return 'too-many';
    fields.push(bytes.subarray(from, at));
    from = at + 1;
  }
  return fields;
}

/** find's %y and %Y letters for what a name turned out to be. */
const TYPES = /^[ru][fdlpscbD][fdlpscbDNL?]$/;

interface Listed {
  readonly readable: boolean;
  readonly own: string;
  readonly followed: string;
  readonly link: string;
}

function entryFor(name: string, l: Listed, content: Buffer | 'too-large' | null): SnapshotEntry {
  const linkTarget = l.own === 'l' ? l.link : null;
  if (linkTarget === '/dev/null') return { name, kind: 'masked', linkTarget };
  if (content === 'too-large')
    return { name, kind: 'skipped', reason: `larger than ${NODE_FILE_CAP / 1024} KiB` };
  if (content !== null) return { name, kind: 'file', content, linkTarget };
  const reason =
    l.followed === 'd'
      ? 'a directory'
      : l.own === 'l' && /[NL?]/.test(l.followed)
        ? 'a dangling link'
        : !l.readable
          ? 'permission denied'
          : 'not a regular file';
  return { name, kind: 'unreadable', reason };
}

/**
 * One directory's entries from its batch, with the same kinds and reasons as the
 * per-file records. Every field is checked: a name is a `*.conf` name listed once, a size
 * belongs to a listed regular file, and DATA is exactly the listed contents end to end;
 * anything else (a hostile node, or files changing while read) refuses the answer.
 */
export function entriesFromBatch(batch: DirectoryBatch): BatchEntries {
  // Three fields an entry in LIST, two in SIZES.
  const list = nulFields(batch.list, 3 * NODE_DIRECTORY_ENTRY_CAP);
  const sizes = nulFields(batch.sizes, 2 * NODE_DIRECTORY_ENTRY_CAP);
  if (list === 'too-many' || sizes === 'too-many')
    return { ok: false, problem: `more than ${NODE_DIRECTORY_ENTRY_CAP} entries` };
  if (list === 'unframed' || list.length % 3 !== 0)
    return { ok: false, problem: 'LIST is not framed' };
  if (sizes === 'unframed' || sizes.length % 2 !== 0)
    return { ok: false, problem: 'SIZES is not framed' };
  // Keyed by the name's bytes (latin1): names need not be UTF-8.
  const listed = new Map<string, Listed>();
  for (let i = 0; i < list.length; i += 3) {
    const types = (list[i] ?? Buffer.alloc(0)).toString('latin1');
    const raw = (list[i + 1] ?? Buffer.alloc(0)).toString('latin1');
    const name = Buffer.from(raw, 'latin1').toString('utf8');
    if (!TYPES.test(types)) return { ok: false, problem: 'LIST has an unknown type' };
    if (name.length === 0 || name.includes('/') || !name.endsWith('.conf'))
      return { ok: false, problem: `"${name.slice(0, 80)}" is not a .conf file name` };
    if (listed.has(raw)) return { ok: false, problem: `${name.slice(0, 80)} listed twice` };
    listed.set(raw, {
      readable: types[0] === 'r',
      own: types[1] ?? '',
      followed: types[2] ?? '',
      link: (list[i + 2] ?? Buffer.alloc(0)).toString('utf8'),
    });
  }
  const contents = new Map<string, Buffer | 'too-large'>();
  let offset = 0;
  for (let i = 0; i < sizes.length; i += 2) {
    const size = (sizes[i] ?? Buffer.alloc(0)).toString('latin1');
    const raw = (sizes[i + 1] ?? Buffer.alloc(0)).toString('latin1');
    const l = listed.get(raw);
    if (!/^\d{1,15}$/.test(size) || l === undefined || l.followed !== 'f' || contents.has(raw))
      return { ok: false, problem: 'the files changed while they were read; read the node again' };
    const bytes = Number(size);
    if (bytes > NODE_FILE_CAP) {
      contents.set(raw, 'too-large');
      continue;
    }
    if (offset + bytes > batch.data.length)
      return { ok: false, problem: 'the files changed while they were read; read the node again' };
    contents.set(raw, batch.data.subarray(offset, offset + bytes));
    offset += bytes;
  }
  if (offset !== batch.data.length)
    return { ok: false, problem: 'the files changed while they were read; read the node again' };
  const entries: SnapshotEntry[] = [];
  for (const [raw, l] of listed) {
    const content = contents.get(raw) ?? null;
    // A readable regular file always has a size; without one it appeared meanwhile.
    if (content === null && l.followed === 'f' && l.readable && l.link !== '/dev/null')
      return { ok: false, problem: 'the files changed while they were read; read the node again' };
    entries.push(entryFor(Buffer.from(raw, 'latin1').toString('utf8'), l, content));
  }
  return { ok: true, entries };
}
