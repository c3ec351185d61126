import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiError, ApiErrorData } from '../../contract';
import { readRegularText } from '../safe-read';
import { parseDestination } from './destination';

/** The node list as stored: destinations only, never passwords or keys. */
export interface StoredNodes {
  readonly version: 1;
  readonly nodes: readonly string[];
}

/** $XDG_CONFIG_HOME/nonlocal-bind/nodes.json, or ~/.config/... when XDG_CONFIG_HOME is unset. */
export function nodeStorePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.config');
  return path.join(base, 'nonlocal-bind', 'nodes.json');
}

/** A list of destinations is a few KiB; anything this large is not the app's file. */
export const NODE_STORE_MAX_BYTES = 1024 * 1024;

type NodeListData = Extract<ApiErrorData, { from: 'node-list' }>;

/**
 * The node list cannot be used: `error` says why, as the data the renderer words; the
 * message is the same in plain form, for logs.
 */
export class NodeStoreError extends Error {
  readonly error: ApiError;
  constructor(problem: NodeListData['problem'], file: string, reason: string | null = null) {
    super(`node list ${file}: ${problem}${reason === null ? '' : ` (${reason})`}`);
    const code = 'node-list-unreadable';
    this.error = { code, data: { from: 'node-list', code, problem, path: file, reason } };
  }
}

/**
 * Reads the list; a missing file is an empty list, a damaged one a NodeStoreError.
 * It is read like other people's files (non-blocking, regular files only, capped),
 * so a FIFO or a huge file in its place cannot hang or exhaust the app.
 */
export async function loadNodes(file: string): Promise<string[]> {
  const read = await readRegularText(file, NODE_STORE_MAX_BYTES);
  if (read.kind === 'missing') return [];
  if (read.kind === 'refused') throw new NodeStoreError('unreadable', file, read.reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    throw new NodeStoreError('not-json', file);
  }
  const nodes = (parsed as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) throw new NodeStoreError('no-nodes', file);
  return nodes.filter((n): n is string => typeof n === 'string' && parseDestination(n).ok);
}

/** Writes the list atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function saveNodes(file: string, nodes: readonly string[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const stored: StoredNodes = { version: 1, nodes: [...new Set(nodes)] };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
