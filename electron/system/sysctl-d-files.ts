import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ApiError, SysctlDFile } from '../contract';
import { MAX_FILE_BYTES } from './privileged-step';
import { SETTINGS } from './settings';
import { decodeUtf8Strict, FILE_HEADER, findKeyLines } from './sysctl-edit';
import { readRegularFile } from './safe-read';
import { MAX_FILES_PER_DIRECTORY } from './sysctl-sources';
import { resolveSystemPath, type SystemContext } from './system-context';

export const SYSCTL_D = '/etc/sysctl.d';
const OUR_KEYS = SETTINGS.map((s) => s.key);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the app finds at a persistence target before editing it. */
export type TargetFile =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly text: string; readonly sha256: string }
  | { readonly kind: 'refused'; readonly error: ApiError };

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

/** Reads /etc/sysctl.d/NAME for editing. */
export async function readTargetFile(ctx: SystemContext, name: string): Promise<TargetFile> {
  return readEditableFile(ctx, `${SYSCTL_D}/${name}`);
}

/** Reads a file for editing, refusing links, non-files, oversize and non-UTF-8 content. */
export async function readEditableFile(ctx: SystemContext, display: string): Promise<TargetFile> {
  const file = resolveSystemPath(ctx, display);
  let info: Stats;
  try {
    info = await lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'absent' };
    return {
      kind: 'refused',
      error: {
        code: 'file-unreadable',
        message: `${display} cannot be read (${errorCode(error)}).`,
      },
    };
  }
  if (info.isSymbolicLink()) {
    return {
      kind: 'refused',
      error: {
        code: 'target-symlink',
        message: `${display} is a symbolic link. The app does not edit through links; choose another file name.`,
      },
    };
  }
  if (!info.isFile()) {
    return {
      kind: 'refused',
      error: {
        code: 'target-not-regular',
        message: `${display} is not a regular file; choose another file name.`,
      },
    };
  }
  if (info.size > MAX_FILE_BYTES) {
    return {
      kind: 'refused',
      error: {
        code: 'file-too-large',
        message: `${display} is ${info.size} bytes; the app edits files up to ${MAX_FILE_BYTES} bytes. Choose another file name.`,
      },
    };
  }
  // Non-blocking and regular files only: a FIFO swapped in after the lstat cannot hang the read.
  const read = await readRegularFile(file, MAX_FILE_BYTES);
  if (read.kind === 'missing') return { kind: 'absent' };
  if (read.kind === 'refused') {
    return {
      kind: 'refused',
      error: {
        code: read.code === 'ENOTREG' ? 'target-not-regular' : 'file-unreadable',
        message: `${display} cannot be read: ${read.reason}.`,
      },
    };
  }
  const bytes = read.bytes;
  const text = decodeUtf8Strict(bytes);
  if (text === null) {
    return {
      kind: 'refused',
      error: {
        code: 'file-not-text',
        message: `${display} is not valid UTF-8 text, so the app will not edit it. Choose another file name.`,
      },
    };
  }
  return { kind: 'file', text, sha256: sha256Hex(bytes) };
}

/** Lists the `*.conf` entries of /etc/sysctl.d with what the persistence UI needs. */
export async function readSysctlDFiles(ctx: SystemContext): Promise<SysctlDFile[]> {
  const dir = resolveSystemPath(ctx, SYSCTL_D);
  let names: string[];
  try {
    // The same cap as the boot reader: a directory of 100,000 files is listed, not read whole.
    names = (await readdir(dir))
      .filter((n) => n.endsWith('.conf'))
      .sort()
      .slice(0, MAX_FILES_PER_DIRECTORY);
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name): Promise<SysctlDFile> => {
      const info = await lstat(path.join(dir, name)).catch(() => null);
      const kind = info?.isSymbolicLink() ? 'symlink' : info?.isFile() ? 'file' : 'other';
      return describeEditableFile(name, kind, await readTargetFile(ctx, name));
    }),
  );
}

/** A file read for editing, as the persistence UI lists it: our keys' lines, or its problem. */
export function describeEditableFile(
  name: string,
  kind: SysctlDFile['kind'],
  target: TargetFile,
): SysctlDFile {
  if (target.kind === 'file') {
    return {
      name,
      kind,
      sha256: target.sha256,
      problem: null,
      keyLines: findKeyLines(target.text, OUR_KEYS),
      writtenByApp: target.text.startsWith(FILE_HEADER),
    };
  }
  const problem =
    target.kind === 'refused' ? target.error.message : 'The file disappeared while reading.';
  return { name, kind, sha256: null, problem, keyLines: [], writtenByApp: false };
}
