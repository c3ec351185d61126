import { createHash } from 'node:crypto';
import type { ApiError, SysctlDFile, TargetFileRefusal } from '../contract';
import { MAX_FILE_BYTES } from './privileged-step';
import type { Catalogue } from './settings';
import { decodeUtf8Strict, FILE_HEADER, findKeyLines } from './sysctl-edit';
import type { SnapshotEntry, SysctlSnapshot } from './sysctl-snapshot';

export const SYSCTL_D = '/etc/sysctl.d';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the app finds at a persistence target before editing it. */
export type TargetFile =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly text: string; readonly sha256: string }
  | { readonly kind: 'refused'; readonly error: ApiError };

/** The entry of /etc/sysctl.d named `name` in a snapshot, or null when it has none. */
export function etcEntry(snapshot: SysctlSnapshot, name: string): SnapshotEntry | null {
  const etc = snapshot.directories.find((d) => d.dir === SYSCTL_D);
  return etc?.entries.find((e) => e.name === name && e.rawName === undefined) ?? null;
}

/** A link the reader could not follow (dangling, a loop) is still a link: the app edits no links. */
const isLinkReason = (reason: string) => /\blink\b|ELOOP/.test(reason);

const refused = (
  code: TargetFileRefusal,
  path: string,
  reason: string | null = null,
  limit: number | null = null,
): TargetFile => ({
  kind: 'refused',
  error: { code, data: { from: 'target-file', code, path, reason, limit } },
});

/**
 * A snapshot's entry as a file the app may edit, refusing links, non-files, oversize and
 * non-UTF-8 content. Pure: the snapshot was read once, bounded, on the reader thread; the
 * step checks the hash again, so an edit made after the read is never overwritten.
 */
export function editableFile(entry: SnapshotEntry | null, display: string): TargetFile {
  if (entry === null) return { kind: 'absent' };
  if (entry.kind === 'masked' || (entry.kind === 'file' && entry.linkTarget !== null))
    return refused('target-symlink', display);
  if (entry.kind === 'unreadable') {
    if (isLinkReason(entry.reason)) return refused('target-symlink', display, entry.reason);
    return entry.effect === 'not-readable'
      ? refused('file-unreadable', display, entry.reason)
      : refused('target-not-regular', display);
  }
  if (entry.kind === 'skipped' || entry.content.length > MAX_FILE_BYTES) {
    const size = entry.kind === 'skipped' ? entry.reason : `${entry.content.length} bytes`;
    return refused('file-too-large', display, size, MAX_FILE_BYTES);
  }
  const text = decodeUtf8Strict(entry.content);
  if (text === null) return refused('file-not-text', display);
  return { kind: 'file', text, sha256: sha256Hex(entry.content) };
}

/** How the persistence UI names an entry's kind. */
function kindOf(entry: SnapshotEntry): SysctlDFile['kind'] {
  if (entry.kind === 'masked' || (entry.kind === 'file' && entry.linkTarget !== null))
    return 'symlink';
  if (entry.kind === 'unreadable') return isLinkReason(entry.reason) ? 'symlink' : 'other';
  return 'file';
}

/** The `*.conf` entries of /etc/sysctl.d with what the persistence UI needs. */
export function listSysctlDFiles(snapshot: SysctlSnapshot, catalogue: Catalogue): SysctlDFile[] {
  const etc = snapshot.directories.find((d) => d.dir === SYSCTL_D);
  return [...(etc?.entries ?? [])]
    .filter((e) => e.rawName === undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) =>
      describeEditableFile(e.name, kindOf(e), editableFile(e, `${SYSCTL_D}/${e.name}`), catalogue),
    );
}

/** /etc/sysctl.conf in the form the persistence UI lists /etc/sysctl.d files; null when absent. */
export function describeSysctlConf(
  snapshot: SysctlSnapshot,
  display: string,
  catalogue: Catalogue,
): SysctlDFile | null {
  const entry = snapshot.sysctlConf;
  if (entry === null) return null;
  return describeEditableFile(
    display.slice(display.lastIndexOf('/') + 1),
    kindOf(entry),
    editableFile(entry, display),
    catalogue,
  );
}

/** A file read for editing, as the persistence UI lists it: our keys' lines, or its problem. */
export function describeEditableFile(
  name: string,
  kind: SysctlDFile['kind'],
  target: TargetFile,
  catalogue: Catalogue,
): SysctlDFile {
  if (target.kind === 'file') {
    return {
      name,
      kind,
      sha256: target.sha256,
      problem: null,
      keyLines: findKeyLines(
        target.text,
        catalogue.map((s) => s.key),
      ),
      writtenByApp: target.text.startsWith(FILE_HEADER),
    };
  }
  // The code of the refusal; a file gone while reading is one that cannot be read.
  const problem = target.kind === 'refused' ? target.error.code : 'file-unreadable';
  return { name, kind, sha256: null, problem, keyLines: [], writtenByApp: false };
}
